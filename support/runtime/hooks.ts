import { After, AfterAll, Before, BeforeAll, Status, setDefaultTimeout, setParallelCanAssign } from '@cucumber/cucumber';
import { NOT_APPLICABLE, notApplicableReason } from '../checks/applicability';
import { HostPool } from './host-pool';
import { asRunParameters } from './run-parameters';
import { hostPlacement, sharedHostSchedule } from './shared-host-schedule';
import { TIMEOUTS } from './timeouts';
import type { HarnessWorld } from './world';
import { collectDiagnostics } from '../host/diagnostics';
import { redact } from '../secrets/redaction';

setDefaultTimeout(TIMEOUTS.step);
// Asked in the coordinating process only (the CLI's), where the schedule was set.
setParallelCanAssign((pickle, inProgress) => sharedHostSchedule().canAssign(pickle, inProgress));

// A cucumber worker whose coordinator is gone (the run was interrupted, or killed with
// SIGKILL) must not linger: the run's janitor removes the containers, the worker just ends.
if (process.env.CUCUMBER_WORKER_ID !== undefined && process.connected) {
  process.on('disconnect', () => process.exit(1));
}

let pool: HostPool | undefined;

/** The run's host pool (cucumber loads support code once per run, so one pool per run). */
export function hostPool(): HostPool {
  if (!pool) throw new Error('the host pool is created in BeforeAll: is support/runtime/hooks.ts loaded?');
  return pool;
}

BeforeAll(function () {
  pool = new HostPool(asRunParameters(this.parameters));
});

// Applicability comes from the manifest before any precondition runs: a scenario skips whole or not at all.
Before(function (this: HarnessWorld, { pickle }) {
  const reason = notApplicableReason({ name: pickle.name, tags: pickle.tags.map((t) => t.name) }, this.manifest);
  if (!reason) return undefined;
  this.log(`${NOT_APPLICABLE}${reason}`);
  return 'skipped';
});

After(async function (this: HarnessWorld, { result, pickle }) {
  const host = this.state.find('host');
  if (!host) return;
  if (result?.status === Status.FAILED) {
    const tags = pickle.tags.map((t) => t.name);
    for (const { title, text } of await collectDiagnostics(host, this.manifest, tags)) {
      // Journals and logs are the daemon's words: a secret in them is masked here too.
      this.attach(redact(text), { mediaType: 'text/plain', fileName: title });
    }
  }
  if (this.state.find('ownsHost')) return hostPool().release(host, result?.status === Status.FAILED);
  await hostPool().leaveShared(host, {
    scenario: pickle.name,
    afterReaders: hostPlacement(pickle.steps) === 'shared-last',
    passed: result?.status === Status.PASSED,
    undo: this.state.find('undo') ?? [],
  });
});

AfterAll(async function () {
  await hostPool().closeAll();
});
