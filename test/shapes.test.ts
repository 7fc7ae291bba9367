// Services shaped unlike wazo-foo (examples/shapes/<shape>/SHAPE) must pass: every branch of
// the verdict logic their manifest takes (systemd supervision, no consul, no wazo-service, no
// backup, no conf.d) is run with a real package, not only wazo-foo's shape.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { harnessLeftovers, ROOT, runAcceptance, verdicts } from './harness';

/** The console's checklist table: item number -> verdict (" 8. N/A      The service is ..."). */
function checklist(stdout: string): Map<number, string> {
  return new Map([...stdout.matchAll(/^ ?(\d+)\. (\S+) +\S.*$/gm)].map(([, item, verdict]) => [Number(item), verdict]));
}

test('systemd-supervised (wazo-qux): exit 0, no failure, the N/A items are the ones its manifest names', async () => {
  const run = await runAcceptance(['--manifest', join(ROOT, 'examples', 'shapes', 'systemd-supervised', 'service.yml')]);
  const shown = `${run.stdout}\n${run.stderr}`;
  assert.equal(run.code, 0, shown);
  assert.deepEqual(verdicts(run.stdout).filter((v) => v.verdict !== 'PASS' && v.verdict !== 'N/A'), [], shown);
  assert.doesNotMatch(run.stdout, /^ ?\d+\. FAIL /m, shown);
  const items = checklist(run.stdout);
  assert.equal(items.size, 21, shown);
  // Decided by the manifest: consul group (readsDefaultConfig), wazo-service, monit (systemd
  // supervises it), backup (no list), consul registration.
  for (const item of [6, 7, 8, 14, 16]) assert.equal(items.get(item), 'N/A', `item ${item}\n${shown}`);
  // The user, install, reboot, ports, packaging and dependency items are checked and pass.
  for (const item of [1, 2, 3, 4, 5, 9, 10, 17, 20, 21]) assert.equal(items.get(item), 'PASS', `item ${item}\n${shown}`);
  // The supervisor check ran for real: systemd brought the daemon back with a new main PID.
  assert.match(run.stdout, /^PASS +@monit +The service is monitored by monit$/m);
  assert.match(run.stdout, /note: restarted by systemd [\d.]+ s after the kill \(main PID \d+ -> \d+\)/);
  // No conf.d: the administrator's setting of @upgrade is not applicable, and says why.
  assert.match(run.stdout, /note: not applicable: the package ships no \/etc\/wazo-qux\/conf\.d directory/);
  assert.deepEqual(await harnessLeftovers(), []);
});
