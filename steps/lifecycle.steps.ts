// Steps shared by the lifecycle features (reboot, upgrade, monit, wazo-service, purge):
// hosts of a scenario's own, and the service's state seen from consul and nginx.
import { Then } from '@cucumber/cucumber';
import { CONSUL_NOT_REGISTERING } from '../support/checks/applicability';
import { check } from '../support/checks/check';
import { describeAnswer, hasPassingInstance } from '../support/rules/discovery';
import { isStopped } from '../support/rules/wazo-service';
import { unitProcesses } from '../support/probes/processes';
import { unitState } from '../support/probes/units';
import { seconds } from '../support/poll';
import { serviceWaits } from '../support/runtime/service-waits';
import { TIMEOUTS } from '../support/runtime/timeouts';
import type { HarnessWorld } from '../support/runtime/world';

Then('the service is registered in consul', async function (this: HarnessWorld) {
  // Part of a bigger check (reboot, upgrade, purge): noted, and the rest is still judged.
  if (!this.manifest.consul.registers) return this.log(CONSUL_NOT_REGISTERING);
  // A daemon registers shortly after it starts: the bounded wait of a started service.
  const wait = serviceWaits.registered(this.manifest.name, hasPassingInstance, TIMEOUTS.serviceReady);
  const { fact, waitedMs } = await wait.waitUntilReady(this.currentHost);
  check(hasPassingInstance(fact.value.instances), {
    expected: `consul to know a passing instance of ${this.manifest.name} within ${wait.boundMs / 1000} s`,
    found: `after ${seconds(waitedMs)}: ${describeAnswer(this.manifest.name, fact.value)}`,
    evidence: fact.evidence,
  });
});

Then('the service is stopped', async function (this: HarnessWorld) {
  const [state, processes] = await Promise.all([unitState(this.currentHost, this.manifest.unit), unitProcesses(this.currentHost, this.manifest.unit)]);
  check(isStopped(state.value, processes.value.length), {
    expected: `${this.manifest.unit} inactive, with no process`,
    found: `${state.value.activeState}/${state.value.subState}, ${processes.value.length} process(es)`,
    evidence: [...state.evidence, ...processes.evidence],
  });
});
