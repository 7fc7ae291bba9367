// Steps shared by the lifecycle features (reboot, upgrade, monit, wazo-service, purge):
// hosts of a scenario's own, and the service's state seen from consul and nginx.
import { Then } from '@cucumber/cucumber';
import { CONSUL_NOT_REGISTERING } from '../support/checks/applicability';
import { check } from '../support/checks/check';
import { apiAnswered } from '../support/checks/lifecycle-rules';
import { describeAnswer, isPassing } from '../support/checks/consul-rules';
import { waitForInstances } from '../support/host/consul-catalog';
import { apiPath, nginxStatus } from '../support/probes/nginx';
import { packageStatus } from '../support/probes/packages';
import { unitProcesses } from '../support/probes/processes';
import { unitState } from '../support/probes/units';
import { seconds, TIMEOUTS } from '../support/runtime/timeouts';
import type { HarnessWorld } from '../support/runtime/world';

Then('the installed package is the manifest\'s new version', async function (this: HarnessWorld) {
  const { name, version } = this.manifest.package;
  const installed = await packageStatus(this.currentHost, name);
  check(installed.value.status === 'install ok installed' && installed.value.version === version, {
    expected: `dpkg to report ${name} "install ok installed" at version ${version}`,
    found: installed.value.status ? `"${installed.value.status}" at version ${installed.value.version}` : 'not installed',
    evidence: installed.evidence,
  });
});

Then('the service is registered in consul', async function (this: HarnessWorld) {
  // Part of a bigger check (reboot, upgrade, purge): noted, and the rest is still judged.
  if (!this.manifest.consul.registers) return this.log(CONSUL_NOT_REGISTERING);
  // A daemon registers shortly after it starts: the bounded wait of a started service.
  const { fact, waitedMs } = await waitForInstances(this.currentHost, this.manifest.name, (instances) => instances.some(isPassing), TIMEOUTS.serviceReady);
  check(fact.value.instances.some(isPassing), {
    expected: `consul to know a passing instance of ${this.manifest.name} within ${TIMEOUTS.serviceReady / 1000} s`,
    found: `after ${seconds(waitedMs)}: ${describeAnswer(this.manifest.name, fact.value)}`,
    evidence: fact.evidence,
  });
});

Then('the service API answers through nginx', async function (this: HarnessWorld) {
  const path = apiPath(this.manifest.api.shortName, this.manifest.api.version);
  const status = await nginxStatus(this.currentHost, path);
  check(apiAnswered(status.value), {
    expected: `GET https://localhost${path} (TLS verified with the host CA) to be answered by the service: not 404, not 502/503/504`,
    found: status.value ? `HTTP ${status.value}` : 'no answer',
    evidence: status.evidence,
  });
});

Then('the service is stopped', async function (this: HarnessWorld) {
  const [state, processes] = await Promise.all([unitState(this.currentHost, this.manifest.unit), unitProcesses(this.currentHost, this.manifest.unit)]);
  check(state.value.activeState === 'inactive' && processes.value.length === 0, {
    expected: `${this.manifest.unit} inactive, with no process`,
    found: `${state.value.activeState}/${state.value.subState}, ${processes.value.length} process(es)`,
    evidence: [...state.evidence, ...processes.evidence],
  });
});
