// The harness judged by its own examples: each carries its whole expected verdict table
// (expected.yml), and a run must give exactly that table and exit code. The good wazo-foo
// passes every check; each broken variant (examples/broken/<variant>, one rule violated, of
// wazo-foo or of a shape its BASE names)
// fails exactly that check, with the expected/found/evidence message and the service's
// diagnostics attached. Examples run concurrently, each on hosts and reports of its own.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it, test } from 'node:test';
import { allScenarios } from '../support/api';
import { brokenExamples } from './broken-examples';
import { buildExamplePackages, harnessLeftovers, ROOT, runAcceptance, selfTestConcurrency, verdicts } from './harness';
import { readExpectedTable, readRunVerdicts, tableDifferences } from './verdict-tables';
import { PATHS } from '../support/paths';

const reportsRoot = join(PATHS.reports, 'self-test');
// WAZO_SELFTEST_EXAMPLES=runs-as-root,login-shell checks only those broken examples (and the good one only when it
// names wazo-foo too): for development.
const only = process.env.WAZO_SELFTEST_EXAMPLES?.split(',').filter(Boolean);
const examples = brokenExamples().filter((e) => !only || only.includes(e.variant));

before(buildExamplePackages);

test('every broken example names its rule and the finding its failure must show', () => {
  for (const { variant, rule, finding, step } of examples) {
    assert.ok(rule.length > 0, `examples/broken/${variant}/RULE is empty`);
    assert.ok(step.length > 0, `examples/broken/${variant}/STEP is empty`);
    assert.ok(finding.source !== '(?:)', `examples/broken/${variant}/FINDING is empty`);
  }
});

describe('examples', { concurrency: selfTestConcurrency() }, () => {
  it('the good example wazo-foo passes every check, with its whole verdict table', { skip: only !== undefined && !only.includes('wazo-foo') && 'WAZO_SELFTEST_EXAMPLES does not name wazo-foo' }, async () => {
    const reportsDir = join(reportsRoot, 'good');
    rmSync(reportsDir, { recursive: true, force: true });
    const run = await runAcceptance(['--service', 'wazo-foo', '--reports-dir', reportsDir]);
    const report = (file: string) => readFileSync(join(reportsDir, 'wazo-foo', file), 'utf8');
    assert.deepEqual(tableDifferences(readExpectedTable(join(PATHS.examples, 'wazo-foo', 'expected.yml')), readRunVerdicts(reportsDir, 'wazo-foo', `${run.stdout}\n${run.stderr}`)), [], run.stdout);
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
    assert.deepEqual(
      verdicts(run.stdout).filter((l) => l.verdict !== 'PASS'),
      [],
    );
    assert.match(run.stdout, /^wazo-foo: checklist 19 pass, 0 fail, 0 not applicable, 0 blocked, 0 environment, 2 manual, 0 not run; /m);
    // The host had none of its dependencies: they came from Debian, as apt pulls them for the package.
    assert.match(run.stdout, /note: dependencies from Debian, installed before the package as apt installs them \(recipes\/dependencies\): python3, python3-yaml, adduser -> .*\bpython3-yaml\b/);
    assert.match(run.stdout, /^ 1\. PASS +The service default user is not root$/m);
    assert.match(report('compliance.md'), /\| 1 \| The service default user is not root \| PASS \|/);
    // wazo-foo is in no real list: the notes name the change to make in each real tool, and the drop-in that emulates it.
    const realService = /wazo-foo is not in the real wazo-service \(wazo-platform\/wazo-service bin\/wazo-service at [0-9a-f]{8}, version [^)]+\): add it to its default_services; the drop-in \/etc\/wazo-service\/services\.d\/50-wazo-foo emulates that change here/;
    const realBackup = /\/etc\/wazo-foo\/config\.yml is not in the real wazo-backup's BACKUP_LIST \(wazo-platform\/wazo-backup bin\/wazo-backup at [0-9a-f]{8}, version [^)]+\): add \/etc\/wazo-foo\/ to it; the drop-in \/etc\/wazo-backup\/paths\.d\/wazo-foo emulates that change here/;
    for (const note of [realService, realBackup]) {
      assert.match(run.stdout, new RegExp(`^ +note: ${note.source}$`, 'm'));
      assert.match(report('compliance.md'), new RegExp(`^- [^\n]+: ${note.source}$`, 'm'));
    }
    assert.match(report('compliance.md'), /\| 13 \| The service is documented on wazo-platform\.org \| MANUAL \|/);
    assert.doesNotMatch(report('compliance.md'), /\| (FAIL|BLOCKED|ENVIRONMENT) \|/);
    assert.match(report('compliance.html'), /<td>The service default user is not root<\/td>\s*<td class="verdict-pass">PASS<\/td>/);
    assert.match(report('junit.xml'), /<testsuite [^>]*failures="0"/);
    assert.ok(existsSync(join(reportsDir, 'wazo-foo', 'cucumber.html')));
    assert.deepEqual(await harnessLeftovers(), []);
  });

  for (const example of examples) {
    it(`broken example ${example.variant} fails exactly its rule, and its whole verdict table is as expected`, async () => {
      const reportsDir = join(reportsRoot, example.variant);
      rmSync(reportsDir, { recursive: true, force: true });
      const run = await runAcceptance(example.args(reportsDir));
      const report = (file: string) => readFileSync(join(reportsDir, example.service, file), 'utf8');
      assert.deepEqual(tableDifferences(example.expected, readRunVerdicts(reportsDir, example.service, `${run.stdout}\n${run.stderr}`)), [], run.stdout);
      assert.equal(run.code, 1, `${run.stdout}\n${run.stderr}`);
      assert.deepEqual(readersAfterSharedLast(run.stdout), [], `one worker runs the shared host's last scenario after its readers:\n${run.stdout}`);
      const failed = verdicts(run.stdout).filter((l) => l.verdict === 'FAIL');
      assert.deepEqual(failed.map((l) => l.name).sort(), [example.rule, ...example.alsoFails].sort(), run.stdout);
      // The rule's scenario fails at its STEP and no earlier (a failed step skips the rest).
      const block = run.stdout.slice(run.stdout.search(new RegExp(`^FAIL +@\\S+ +${escapeRegExp(example.rule)}$`, 'm')));
      assert.equal(/^ {6}failed step: \S+ (.+)$/m.exec(block)?.[1], example.step, run.stdout);
      const failure = run.stdout.slice(run.stdout.indexOf(`FAIL  `));
      assert.match(failure, /expected: /);
      assert.match(failure, example.finding);
      if (example.note) assert.match(run.stdout, example.note);
      assert.match(failure, /evidence:\n {6} {2}\$ /);
      const unitSlug = example.unit.replace(/[^a-z0-9]+/g, '-');
      const journal = new RegExp(`diagnostics: (\\S+journal-of-${escapeRegExp(unitSlug)}\\.txt)`).exec(failure);
      assert.ok(journal && existsSync(journal[1]), `the journal of ${example.unit} is attached to the failure`);
      assert.match(readFileSync(journal[1], 'utf8'), new RegExp(`journalctl --no-pager --unit ${escapeRegExp(example.unit)}`));
      // The failure and its evidence reach the reports people and CI read.
      const failures = report('compliance.md').slice(report('compliance.md').indexOf('## Failures'));
      assert.match(failures, new RegExp(`^- \`@\\S+ ${escapeRegExp(example.rule)}\``, 'm'));
      assert.match(failures, example.finding);
      const junit = report('junit.xml');
      assert.match(junit, new RegExp(`<testcase [^\\n]*name="[^"]*${escapeRegExp(escapeXml(example.rule))}"[^>]*>\\s*<failure`));
      assert.deepEqual(await harnessLeftovers(), []);
    });
  }
});

const placements = new Map(allScenarios(ROOT).map((s) => [s.name, s.placement]));

/**
 * The readers of the shared host whose verdict line comes after a scenario that runs on it
 * after its readers. The examples run with one worker (cucumber's serial mode), whose lines come
 * in the order the scenarios ran: none may follow, or a reader judged a restarted service.
 */
function readersAfterSharedLast(stdout: string): string[] {
  const names = verdicts(stdout).map((l) => l.name);
  const last = names.findIndex((name) => placements.get(name) === 'shared-last');
  return last < 0 ? [] : names.slice(last).filter((name) => placements.get(name) === 'shared');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** As cucumber's JUnit formatter escapes attribute values (it leaves ">" as is). */
function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}
