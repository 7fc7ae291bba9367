// Services shaped unlike wazo-foo (examples/shapes/<shape>/SHAPE) must pass: every branch of
// the verdict logic their manifest takes (systemd supervision, no consul, no wazo-service, no
// backup, no conf.d) is run with a real package, not only wazo-foo's shape, and the whole
// verdict table must be the one in the shape's expected.yml.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { EXAMPLE_WORKERS, harnessLeftovers, ROOT, runAcceptance } from './harness';
import { readExpectedTable, readRunVerdicts, tableDifferences } from './verdict-tables';

test('systemd-supervised (wazo-qux): its whole verdict table, each N/A naming the manifest field, exit 0', async () => {
  const shape = join(ROOT, 'examples', 'shapes', 'systemd-supervised');
  const reportsDir = join(ROOT, 'reports', 'self-test', 'shapes');
  const run = await runAcceptance(['--manifest', join(shape, 'service.yml'), '--reports-dir', reportsDir, ...EXAMPLE_WORKERS]);
  const shown = `${run.stdout}\n${run.stderr}`;
  const verdicts = readRunVerdicts(reportsDir, 'wazo-qux', shown);
  assert.deepEqual(tableDifferences(readExpectedTable(join(shape, 'expected.yml')), verdicts), [], shown);
  assert.equal(run.code, 0, shown);
  // Each N/A names the manifest field that makes it so.
  const reasons = new Map(verdicts.checklist.map((i) => [i.number, i.reason ?? '']));
  assert.match(reasons.get(6) ?? '', /^consul\.readsDefaultConfig is false/);
  assert.match(reasons.get(7) ?? '', /^wazoService is false/);
  assert.match(reasons.get(8) ?? '', /^supervisor is systemd/);
  assert.match(reasons.get(14) ?? '', /^backup is empty/);
  assert.match(reasons.get(16) ?? '', /^consul\.registers is false/);
  // The supervisor check ran for real: systemd brought the daemon back with a new main PID.
  assert.match(run.stdout, /note: restarted by systemd [\d.]+ s after the kill \(main PID \d+ -> \d+\)/);
  // No conf.d, no consul: the parts of the upgrade and purge checks that need them say so and the rest runs.
  assert.match(run.stdout, /note: not checked: the package ships no \/etc\/wazo-qux\/conf\.d directory/);
  assert.match(run.stdout, /note: not checked: consul\.registers is false/);
  assert.deepEqual(await harnessLeftovers(), []);
});
