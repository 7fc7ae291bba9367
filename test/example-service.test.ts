// The harness judged by its own examples: the good wazo-foo passes every check, and each
// broken variant (examples/broken/<variant>, one rule violated) fails exactly that check,
// with the expected/found/evidence message and the service's diagnostics attached.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { brokenExamples } from './broken-examples';
import { harnessLeftovers, ROOT, runAcceptance, verdicts } from './harness';

const report = (file: string) => readFileSync(join(ROOT, 'reports', 'wazo-foo', file), 'utf8');

const examples = brokenExamples();

test('every broken example names its rule and the finding its failure must show', () => {
  for (const { variant, rule, finding, step } of examples) {
    assert.ok(rule.length > 0, `examples/broken/${variant}/RULE is empty`);
    assert.ok(step.length > 0, `examples/broken/${variant}/STEP is empty`);
    assert.ok(finding.source !== '(?:)', `examples/broken/${variant}/FINDING is empty`);
  }
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
  assert.match(run.stdout, /^ 1\. PASS +The service default user is not root$/m);
  assert.match(report('compliance.md'), /\| 1 \| The service default user is not root \| PASS \|/);
  assert.match(report('compliance.md'), /\| 13 \| The service is documented on wazo-platform\.org \| MANUAL \|/);
  assert.doesNotMatch(report('compliance.md'), /\| FAIL \|/);
  assert.match(report('compliance.html'), /<td>The service default user is not root<\/td>\s*<td>PASS<\/td>/);
  assert.match(report('junit.xml'), /<testsuite [^>]*failures="0"/);
  assert.ok(existsSync(join(ROOT, 'reports', 'wazo-foo', 'cucumber.html')));
  assert.deepEqual(await harnessLeftovers(), []);
});

for (const example of examples) {
  test(`broken example ${example.variant} fails exactly its rule`, async () => {
    const run = await runAcceptance(example.args);
    assert.equal(run.code, 1, `${run.stdout}\n${run.stderr}`);
    const failed = verdicts(run.stdout).filter((l) => l.verdict === 'FAIL');
    assert.deepEqual(failed.map((l) => l.name).sort(), [example.rule, ...example.alsoFails].sort(), run.stdout);
    // The rule's scenario fails at its STEP and no earlier (a failed step skips the rest).
    const failedAt = new RegExp(`^FAIL +@\\S+ +${escapeRegExp(example.rule)}\\n {6}failed step: \\S+ (.+)$`, 'm').exec(run.stdout);
    assert.match(failedAt?.[1] ?? '(no failed step)', stepPattern(example.step), run.stdout);
    const failure = run.stdout.slice(run.stdout.indexOf(`FAIL  `));
    assert.match(failure, /expected: /);
    assert.match(failure, example.finding);
    assert.match(failure, /evidence:\n {6} {2}\$ /);
    const journal = /diagnostics: (\S+journal-of-wazo-foo-service\.txt)/.exec(failure);
    assert.ok(journal && existsSync(journal[1]), 'the journal of the failing scenario is attached');
    assert.match(readFileSync(journal[1], 'utf8'), /journalctl --no-pager --unit wazo-foo\.service/);
    // The failure and its evidence reach the reports people and CI read.
    const failures = report('compliance.md').slice(report('compliance.md').indexOf('## Failures'));
    assert.match(failures, new RegExp(`Scenario: @\\S+ ${escapeRegExp(example.rule)}`));
    assert.match(failures, example.finding);
    const junit = report('junit.xml');
    // Outline rows are named "<outline> - #1.1: <row's name>" by cucumber's JUnit formatter.
    assert.match(junit, new RegExp(`<testcase [^\\n]*name="[^"]*${escapeRegExp(escapeXml(example.rule))}( - #[\\d.]+)?"[^>]*>\\s*<failure`));
    assert.deepEqual(await harnessLeftovers(), []);
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A step as the .feature file writes it, matching its pickle text: an outline's <placeholder> stands for any value. */
function stepPattern(step: string): RegExp {
  return new RegExp(`^${escapeRegExp(step).replace(/<[^>]+>/g, '.+')}$`);
}

/** As cucumber's JUnit formatter escapes attribute values (it leaves ">" as is). */
function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}
