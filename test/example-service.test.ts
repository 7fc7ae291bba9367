// The harness judged by its own examples: the good wazo-foo passes every check, and each
// broken variant (examples/broken/<variant>, one rule violated) fails exactly that check,
// with the expected/found/evidence message and the service's diagnostics attached.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { harnessLeftovers, ROOT, runAcceptance, verdicts } from './harness';

/** What each broken variant's failure must show as "found" (its RULE file names the scenario). */
const expectedFindings: Record<string, RegExp> = {
  'runs-as-root': /found: +pid \d+ runs as root \(uid 0\)/,
  'login-shell': /found: +\/bin\/bash/,
  'home-under-home': /found: +home \/home\/wazo-foo; \/home\/wazo-foo exists/,
  'log-not-writable': /found: +regular (empty )?file owned by root:root, mode 644, not writable by wazo-foo/,
  'pid-dir-not-writable': /found: +directory \/run\/wazo-foo: owned by root:root, mode 755, not writable/,
  'not-in-consul-group': /found: +groups: wazo-foo\n/,
};

const variants = readdirSync(join(ROOT, 'examples', 'broken')).sort();

test('every broken example has an expected finding here, and every finding a broken example', () => {
  assert.deepEqual(variants, Object.keys(expectedFindings).sort());
});

test('the good example wazo-foo passes every check', async () => {
  const run = await runAcceptance(['--service', 'wazo-foo']);
  assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
  const lines = verdicts(run.stdout);
  assert.ok(lines.length >= 7, run.stdout);
  assert.deepEqual(
    lines.filter((l) => l.verdict !== 'PASS'),
    [],
  );
  assert.match(run.stdout, /wazo-foo: \d+ passed, 0 failed/);
  assert.deepEqual(await harnessLeftovers(), []);
});

for (const variant of variants) {
  test(`broken example ${variant} fails exactly its rule`, async () => {
    const rule = readFileSync(join(ROOT, 'examples', 'broken', variant, 'RULE'), 'utf8').trim();
    const run = await runAcceptance(['--service', 'wazo-foo', '--package', join(ROOT, 'build', 'debs', 'broken', variant, 'wazo-foo_1.1.0_all.deb')]);
    assert.equal(run.code, 1, `${run.stdout}\n${run.stderr}`);
    const failed = verdicts(run.stdout).filter((l) => l.verdict === 'FAIL');
    assert.deepEqual(
      failed.map((l) => l.name),
      [rule],
      run.stdout,
    );
    const failure = run.stdout.slice(run.stdout.indexOf(`FAIL`));
    assert.match(failure, /expected: /);
    assert.match(failure, expectedFindings[variant]);
    assert.match(failure, /evidence:\n {6} {2}\$ /);
    const journal = /diagnostics: (\S+journal-of-wazo-foo-service\.txt)/.exec(failure);
    assert.ok(journal && existsSync(journal[1]), 'the journal of the failing scenario is attached');
    assert.match(readFileSync(journal[1], 'utf8'), /journalctl --no-pager --unit wazo-foo\.service/);
    assert.deepEqual(await harnessLeftovers(), []);
  });
}
