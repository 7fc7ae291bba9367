import { Then, When } from '@cucumber/cucumber';
import { check } from '../support/checks/check';
import { killProcess, leaveOnlySupervisor } from '../support/host/lifecycle';
import type { Evidence } from '../support/probes/evidence';
import { monitCheck, monitLog, monitStarted } from '../support/probes/monit';
import { pollFact } from '../support/probes/poll';
import { restartPolicy, unitState } from '../support/probes/units';
import { seconds } from '../support/poll';
import { TIMEOUTS } from '../support/runtime/timeouts';
import type { HarnessWorld } from '../support/runtime/world';

/** Restart= values that make systemd restart a daemon killed by a signal. */
const RESTARTS_ON_KILL = ['on-failure', 'on-abnormal', 'always'];

Then("the service's supervisor watches it", async function (this: HarnessWorld) {
  const { manifest } = this;
  this.log(`supervisor (manifest): ${manifest.supervisor}`);
  if (manifest.supervisor === 'systemd') {
    const policy = await restartPolicy(this.currentHost, manifest.unit);
    check(RESTARTS_ON_KILL.includes(policy.value), {
      expected: `${manifest.unit} to have Restart= ${RESTARTS_ON_KILL.join(' or ')} (the manifest says systemd supervises it)`,
      found: `Restart=${policy.value}`,
      evidence: policy.evidence,
    });
    return;
  }
  // monit loads the package's check at its next cycle after the package's reload.
  const { fact, waitedMs } = await pollFact(() => monitCheck(this.currentHost, manifest.name), (c) => c.monitoring === 'Monitored', TIMEOUTS.monitCheck, 500);
  check(fact.value.listed && fact.value.monitoring === 'Monitored', {
    expected: `monit status to list a monitored check '${manifest.name}' within ${TIMEOUTS.monitCheck / 1000} s`,
    found: fact.value.listed ? `${fact.value.kind} '${manifest.name}': ${fact.value.monitoring}, status ${fact.value.status}` : `no check named '${manifest.name}' after ${seconds(waitedMs)}`,
    evidence: fact.evidence,
  });
});

/**
 * What shows that the supervisor the manifest does not name cannot restart the service:
 * for monit, systemd's effective Restart= is "no"; for systemd, monit.service is not running.
 */
async function otherSupervisorOff(world: HarnessWorld): Promise<{ off: boolean; found: string; evidence: Evidence[] }> {
  const { manifest } = world;
  if (manifest.supervisor === 'monit') {
    const policy = await restartPolicy(world.currentHost, manifest.unit);
    return { off: policy.value === 'no', found: `systemd's Restart=${policy.value}`, evidence: policy.evidence };
  }
  const monit = await unitState(world.currentHost, 'monit.service');
  return { off: monit.value.activeState !== 'active', found: `monit.service ${monit.value.activeState}`, evidence: monit.evidence };
}

When("the service's main process is killed with SIGKILL", async function (this: HarnessWorld) {
  const prepared = await leaveOnlySupervisor(this.currentHost, this.manifest);
  const [before, other] = await Promise.all([unitState(this.currentHost, this.manifest.unit), otherSupervisorOff(this)]);
  check(prepared.exitCode === 0 && other.off && before.value.mainPid > 0, {
    expected: `a main process of ${this.manifest.unit} to kill, with only ${this.manifest.supervisor} able to restart it` +
      (this.manifest.supervisor === 'monit' ? " (systemd's Restart=no)" : ' (monit.service stopped)'),
    found: `main PID ${before.value.mainPid || 'none'}; ${other.found}; preparation exit ${prepared.exitCode}`,
    evidence: [prepared, ...before.evidence, ...other.evidence],
  });
  const { evidence, sinceEpochSeconds } = await killProcess(this.currentHost, before.value.mainPid);
  this.record.action = evidence;
  this.record.killed = { pid: before.value.mainPid, restarts: before.value.restarts, sinceEpochSeconds };
});

/**
 * Who brought the daemon back, from the two supervisors' own records: systemd counts its
 * automatic restarts (NRestarts; a manual start such as monit's resets it, never raises it),
 * monit logs "'NAME' start: ..." when it starts a check's program.
 */
function restartedBy(systemdRestarted: boolean, monitStartedIt: boolean): string {
  if (systemdRestarted && monitStartedIt) return 'systemd and monit';
  if (systemdRestarted) return 'systemd';
  if (monitStartedIt) return 'monit';
  return 'neither supervisor';
}

Then("the service's supervisor restarts it within the bound", async function (this: HarnessWorld) {
  const { manifest } = this;
  const killed = this.record.killed!;
  const { fact, waitedMs } = await pollFact(
    () => unitState(this.currentHost, manifest.unit),
    (s) => s.activeState === 'active' && s.mainPid > 0 && s.mainPid !== killed.pid,
    TIMEOUTS.supervisorRestart,
    500,
  );
  const restarted = fact.value.activeState === 'active' && fact.value.mainPid > 0 && fact.value.mainPid !== killed.pid;
  // monit may be stopped (systemd supervises): its log is then silent, which is the point.
  const log = await monitLog(this.currentHost, killed.sinceEpochSeconds);
  const systemdRestarted = fact.value.restarts > killed.restarts;
  const monitStartedIt = monitStarted(log.value, manifest.name);
  const by = restartedBy(systemdRestarted, monitStartedIt);
  if (restarted) this.log(`restarted by ${by} ${seconds(waitedMs)} after the kill (main PID ${killed.pid} -> ${fact.value.mainPid})`);
  check(restarted && by === manifest.supervisor, {
    expected: `${manifest.supervisor}, and only it, to restart ${manifest.unit} with a new main PID within ${TIMEOUTS.supervisorRestart / 1000} s of SIGKILL to PID ${killed.pid}` +
      (manifest.supervisor === 'monit'
        ? ` (monit's log saying it started '${manifest.name}', systemd's restart count unchanged)`
        : ` (systemd's restart count going up, monit's log silent about '${manifest.name}')`),
    found: `after ${seconds(waitedMs)}: ${fact.value.activeState}/${fact.value.subState}, main PID ${fact.value.mainPid || 'none'}; ` +
      `systemd restarts ${killed.restarts} -> ${fact.value.restarts}; monit ${monitStartedIt ? 'started it' : 'did not start it'}: restarted by ${by}`,
    evidence: [this.record.action!, ...fact.evidence, ...log.evidence],
  });
});
