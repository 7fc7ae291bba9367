import { Then, When } from '@cucumber/cucumber';
import { check } from '../support/checks/check';
import { killProcess } from '../support/host/lifecycle';
import { monitLog, monitStarted } from '../support/probes/monit';
import { pollFact } from '../support/probes/poll';
import { unitState } from '../support/probes/units';
import { restartedBy, restartedWithNewPid } from '../support/rules/supervision';
import { seconds } from '../support/poll';
import { TIMEOUTS } from '../support/runtime/timeouts';
import type { HarnessWorld } from '../support/runtime/world';

Then("the service's supervisor watches it", async function (this: HarnessWorld) {
  this.log(`supervisor (manifest): ${this.supervisor.name}`);
  const { holds, ...outcome } = await this.supervisor.watches(this.currentHost);
  check(holds, outcome);
});

When("the service's main process is killed with SIGKILL", async function (this: HarnessWorld) {
  const { supervisor } = this;
  const prepared = await supervisor.leaveOnlyItself(this.currentHost);
  this.state.undoAfter(supervisor.undoLeaveOnlyItself);
  const [before, other] = await Promise.all([unitState(this.currentHost, this.manifest.unit), supervisor.otherOff(this.currentHost)]);
  check(prepared.exitCode === 0 && other.off && before.value.mainPid > 0, {
    expected: `a main process of ${this.manifest.unit} to kill, with only ${supervisor.name} able to restart it (${supervisor.aloneWhen})`,
    found: `main PID ${before.value.mainPid || 'none'}; ${other.found}; preparation exit ${prepared.exitCode}`,
    evidence: [prepared, ...before.evidence, ...other.evidence],
  });
  const { evidence, killedAt } = await killProcess(this.currentHost, before.value.mainPid);
  this.state.set('action', evidence);
  this.state.set('killed', { pid: before.value.mainPid, restarts: before.value.restarts, killedAt });
});

Then("the service's supervisor restarts it within the bound", async function (this: HarnessWorld) {
  const { manifest, supervisor } = this;
  const killed = this.state.get('killed');
  const { fact, waitedMs } = await pollFact(
    () => unitState(this.currentHost, manifest.unit),
    (s) => restartedWithNewPid(s, killed.pid),
    TIMEOUTS.supervisorRestart,
    500,
  );
  const restarted = restartedWithNewPid(fact.value, killed.pid);
  // monit may be stopped (systemd supervises): its log is then silent, which is the point.
  const log = await monitLog(this.currentHost, killed.killedAt);
  const systemdRestarted = fact.value.restarts > killed.restarts;
  const monitStartedIt = monitStarted(log.value, manifest.name);
  const by = restartedBy(systemdRestarted, monitStartedIt);
  if (restarted) this.log(`restarted by ${by} ${seconds(waitedMs)} after the kill (main PID ${killed.pid} -> ${fact.value.mainPid})`);
  check(restarted && by === supervisor.name, {
    expected: `${supervisor.name}, and only it, to restart ${manifest.unit} with a new main PID within ${TIMEOUTS.supervisorRestart / 1000} s of SIGKILL to PID ${killed.pid} (${supervisor.restartProof})`,
    found: `after ${seconds(waitedMs)}: ${fact.value.activeState}/${fact.value.subState}, main PID ${fact.value.mainPid || 'none'}; ` +
      `systemd restarts ${killed.restarts} -> ${fact.value.restarts}; monit ${monitStartedIt ? 'started it' : 'did not start it'}: restarted by ${by}`,
    evidence: [this.state.get('action'), ...fact.evidence, ...log.evidence],
  });
});
