import { Given, Then, When } from '@cucumber/cucumber';
import { API_NONE_NOT_ROUTED, CONSUL_NOT_REGISTERING } from '../support/checks/applicability';
import { activationSocket, unitsStartedAtBoot } from '../support/configuration/manifest';
import { check } from '../support/checks/check';
import { describeServing, isServing } from '../support/host/service-readiness';
import { pollFact } from '../support/probes/poll';
import { unitProcesses } from '../support/probes/processes';
import { processUsers } from '../support/probes/service-user-facts';
import { bootUnits, unitState } from '../support/probes/units';
import { leftInactive, sameProcessUsers } from '../support/rules/reboot';
import { seconds } from '../support/poll';
import { serviceWaits } from '../support/runtime/service-waits';
import { TIMEOUTS } from '../support/runtime/timeouts';
import type { HarnessWorld } from '../support/runtime/world';

Given('the administrator has disabled the service at boot', async function (this: HarnessWorld) {
  const disabled = await this.supervisor.disableAtBoot(this.currentHost);
  this.state.set('disabled', disabled);
  check(disabled.every((e) => e.exitCode === 0), {
    expected: `systemctl disable ${activationSocket(this.manifest) ?? this.manifest.unit} to succeed${this.supervisor.alsoDisabledAtBoot}`,
    found: disabled.map((e) => `${e.command}: exit ${e.exitCode}`).join('; '),
    evidence: disabled,
  });
});

When('the host reboots', async function (this: HarnessWorld) {
  this.state.set('processUsers', await processUsers(this.currentHost, this.manifest.unit));
  const started = Date.now();
  const { shutdown, exitCode } = await this.currentHost.reboot(TIMEOUTS.shutdown);
  const how = shutdown === 'clean' ? 'clean shutdown' : `shutdown not finished within ${TIMEOUTS.shutdown / 1000} s, the engine killed the host (exit ${exitCode})`;
  this.log(`reboot: ${how} and boot to systemd "${this.currentHost.bootState}" in ${seconds(Date.now() - started)}`);
});

// A socket-activated service: the boot starts its socket (and its timers), the socket the service.
Then('the boot starts the service unit', async function (this: HarnessWorld) {
  const expected = unitsStartedAtBoot(this.manifest);
  const [units, states] = await Promise.all([bootUnits(this.currentHost), Promise.all(expected.map((unit) => unitState(this.currentHost, unit)))]);
  const missing = expected.flatMap((unit, i) => (units.value.includes(unit) ? [] : [`${unit} (unit file state: ${states[i].value.unitFileState})`]));
  check(missing.length === 0, {
    expected: `${expected.join(', ')} among the units the boot starts (pulled in by default.target)`,
    found: `not pulled in by default.target: ${missing.join(', ')}`,
    evidence: [...states.flatMap((s) => s.evidence), ...units.evidence],
  });
});

Then('the service is serving within the bound after the boot', async function (this: HarnessWorld) {
  const wait = serviceWaits.serving(this.manifest);
  const { fact, waitedMs } = await wait.waitUntilReady(this.currentHost);
  const bootToReady = Date.now() - (await this.currentHost.startedAt()).getTime();
  if (isServing(fact.value)) this.log(`boot-to-ready: ${seconds(bootToReady)} from the container's start to the service serving`);
  // Parts of the check the manifest rules out: noted, and the rest is still judged.
  if (!this.manifest.consul.registers) this.log(CONSUL_NOT_REGISTERING);
  if (!this.manifest.api) this.log(API_NONE_NOT_ROUTED);
  const serving = [this.manifest.consul.registers && 'registered in consul', this.manifest.api && 'answering through nginx'].filter(Boolean);
  check(isServing(fact.value), {
    expected: `${this.manifest.unit} active${serving.map((s) => `, ${s}`).join('')} within ${wait.boundMs / 1000} s of the boot`,
    found: `after ${seconds(waitedMs)}: ${describeServing(fact.value)}`,
    evidence: fact.evidence,
  });
});

Then('the service runs as the same users as before the reboot', async function (this: HarnessWorld) {
  const before = this.state.get('processUsers');
  const after = await processUsers(this.currentHost, this.manifest.unit);
  check(sameProcessUsers(before.value, after.value), {
    expected: `the processes of ${this.manifest.unit} to run as before the reboot: ${before.value.join(' ') || '(no process)'}`,
    found: after.value.join(' ') || 'no process',
    evidence: [...before.evidence, ...after.evidence],
  });
});

Then('the service stays stopped', async function (this: HarnessWorld) {
  // A negative check needs a window: watch the service long enough for a supervisor to act.
  const { fact, satisfied, waitedMs } = await pollFact(() => unitState(this.currentHost, this.manifest.unit), leftInactive, TIMEOUTS.stayStopped, 500);
  const processes = await unitProcesses(this.currentHost, this.manifest.unit);
  const supervisorStarts = await this.supervisor.startsSinceBoot(this.currentHost);
  check(!satisfied && processes.value.length === 0, {
    expected: `${this.manifest.unit} to stay inactive, with no process, for ${TIMEOUTS.stayStopped / 1000} s after the boot`,
    found: `${fact.value.activeState}/${fact.value.subState} after ${seconds(waitedMs)}, ${processes.value.length} process(es)`,
    evidence: [...(this.state.find('disabled') ?? []), ...fact.evidence, ...processes.evidence, ...supervisorStarts],
  });
});
