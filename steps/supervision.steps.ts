import { Then, When } from '@cucumber/cucumber';
import { check } from '../support/checks/check';
import { killProcess, leaveOnlySupervisor } from '../support/host/lifecycle';
import { monitCheck, monitLog, monitStarted } from '../support/probes/monit';
import { pollFact } from '../support/probes/poll';
import { restartPolicy, unitState } from '../support/probes/units';
import { seconds, TIMEOUTS } from '../support/runtime/timeouts';
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

When("the service's main process is killed with SIGKILL", async function (this: HarnessWorld) {
  const prepared = await leaveOnlySupervisor(this.currentHost, this.manifest);
  const before = await unitState(this.currentHost, this.manifest.unit);
  check(prepared.exitCode === 0 && before.value.mainPid > 0, {
    expected: `a main process of ${this.manifest.unit} to kill, with only ${this.manifest.supervisor} able to restart it`,
    found: `main PID ${before.value.mainPid}; preparation exit ${prepared.exitCode}`,
    evidence: [prepared, ...before.evidence],
  });
  const { evidence, sinceEpochSeconds } = await killProcess(this.currentHost, before.value.mainPid);
  this.record.action = evidence;
  this.record.killed = { pid: before.value.mainPid, restarts: before.value.restarts, sinceEpochSeconds };
});

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
  const log = manifest.supervisor === 'monit' ? await monitLog(this.currentHost, killed.sinceEpochSeconds) : undefined;
  // The proof of who restarted it: monit's log says it started the check (systemd's Restart= was off);
  // for systemd, its own restart counter went up (monit was stopped).
  const bySupervisor = log ? monitStarted(log.value, manifest.name) : fact.value.restarts > killed.restarts;
  if (restarted) this.log(`restarted by ${manifest.supervisor} ${seconds(waitedMs)} after the kill`);
  check(restarted && bySupervisor, {
    expected: `${manifest.supervisor} to restart ${manifest.unit} within ${TIMEOUTS.supervisorRestart / 1000} s of SIGKILL to PID ${killed.pid}` +
      (log ? ` (monit's log saying it started '${manifest.name}')` : ' (systemd counting an automatic restart)'),
    found: `after ${seconds(waitedMs)}: ${fact.value.activeState}/${fact.value.subState}, main PID ${fact.value.mainPid || 'none'}` +
      (log ? `; monit ${bySupervisor ? 'started it' : 'did not start it'}` : `; systemd restarts ${killed.restarts} -> ${fact.value.restarts}`),
    evidence: [this.record.action!, ...fact.evidence, ...(log?.evidence ?? [])],
  });
});
