// Faults the harness must report, not hang on, and clean up after, each with its whole
// expected verdict table (examples/faults/<name>/expected.yml): a crash-looping daemon,
// a failing postinst, a host degraded by an unrelated unit, consul down in the host
// (examples/faults/<name>/FAULT),
// and packages that are not what the manifest says (exit 2 before any host boots).
import assert from 'node:assert/strict';
import { copyFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it, test } from 'node:test';
import { buildExamplePackages, EXAMPLE_WORKERS, harnessLeftovers, runAcceptance, selfTestConcurrency, verdicts } from './harness';
import { readExpectedTable, readRunVerdicts, tableDifferences } from './verdict-tables';
import { PATHS } from '../support/paths';
import { scratchDir } from './scratch-dir';

const faultPackage = (name: string) => join(PATHS.exampleDebs, 'faults', name, 'wazo-foo_1.1.0_all.deb');
const dir = scratchDir('faults-test-');

before(buildExamplePackages);

const reportsRoot = join(PATHS.reports, 'self-test', 'faults');

/** Runs a fault example with the tags of its expected table; the whole table and the exit code must be as expected. */
async function runFault(name: string): Promise<{ failed: string[]; stdout: string }> {
  const expected = readExpectedTable(join(PATHS.examples, 'faults', name, 'expected.yml'));
  const reportsDir = join(reportsRoot, name);
  const run = await runAcceptance(['--service', 'wazo-foo', '--package', faultPackage(name), '--reports-dir', reportsDir, ...EXAMPLE_WORKERS, ...(expected.tags ? ['--tags', expected.tags] : [])]);
  assert.deepEqual(tableDifferences(expected, readRunVerdicts(reportsDir, 'wazo-foo', `${run.stdout}\n${run.stderr}`)), [], run.stdout);
  assert.equal(run.code, expected.exit, `${run.stdout}\n${run.stderr}`);
  assert.deepEqual(await harnessLeftovers(), []);
  return { failed: verdicts(run.stdout).filter((l) => l.verdict === 'FAIL').map((l) => l.name), stdout: run.stdout };
}

describe('faults', { concurrency: selfTestConcurrency() }, () => {
  it('a unit that cannot start: one failure with the journal\'s words, the checks that need it BLOCKED, the user\'s own facts judged', async () => {
    const { failed, stdout } = await runFault('crash-loop');
    assert.deepEqual(failed, ['The service is correctly installed on a fresh install']);
    assert.match(stdout, /found: +after [\d.]+ s: unit \S+, port 9504 not listening, restarted [3-9] times/);
    assert.match(stdout, /the journal says: /, "the journal's decisive lines are on the console, not only in the diagnostics");
    assert.match(stdout, /^BLOCKED +@user +The service default user is not root\n {6}blocked: precondition "Given the service is running" failed: .*\(judged by "The service is correctly installed on a fresh install"\)$/m);
    assert.equal(stdout.match(/^ {6}evidence:$/gm)?.length, 1, 'the evidence is shown once, with the failure');
  });

  it('a failing postinst fails the installation with dpkg\'s words, and the other checks name the precondition', async () => {
    const { failed, stdout } = await runFault('postinst-fails');
    assert.deepEqual(failed, ['The service is correctly installed on a fresh install']);
    assert.match(stdout, /post-installation script subprocess returned error exit status 1/);
    assert.match(stdout, /blocked: precondition "Given the service is installed on a Wazo host" failed: apt-get exited \d+ \(judged by "The service is correctly installed on a fresh install"\)/);
  });

  it('a unit unrelated to the service failing degrades the host: the install check names it, the service checks pass', async () => {
    const { failed, stdout } = await runFault('degraded-by-other-unit');
    assert.deepEqual(failed, ['The service is correctly installed on a fresh install']);
    assert.match(stdout, /found: +failed: unrelated-helper\.service/);
  });

  it('consul down in the host: the install check names it, and the discovery checks say consul did not answer, and why', async () => {
    const { failed, stdout } = await runFault('consul-down');
    assert.deepEqual(failed.sort(), ['The service is correctly installed on a fresh install', 'The service registers with consul for the discovery of services']);
    // The stop/start scenario needs a registered instance first: one cause, so BLOCKED, not a third FAIL.
    assert.match(stdout, /^BLOCKED +@service-discovery +The service leaves consul .*\n {6}blocked: precondition "And consul returns a running instance of the service" failed: after [\d.]+ s: consul did not answer/m);
    // consul's restarts failed (the host's consul-wait-ready fails a start whose agent exited): the journal's reason once, not its five repeats.
    assert.match(stdout, /found: +failed: consul\.service\n +the journal says: [\s\S]*?==> failed to parse \/etc\/consul\.d\/50-wazo-foo\.json/);
    assert.match(stdout, /found: +after [\d.]+ s: consul did not answer \([^)]+\): consul is down or unreachable in the host/);
    // The discovery check's evidence is consul's own word too, from the host's journal (its status alone shows only systemd's last refusals).
    const discovery = stdout.split(/^(?=\S)/m).find((block) => /^FAIL +@service-discovery +The service registers/.test(block));
    assert.match(discovery ?? '', /failed to parse \/etc\/consul\.d\/50-wazo-foo\.json/);
    assert.doesNotMatch(stdout, /no instance of wazo-foo in consul's catalog/);
  });
});

test('a package of another name than the manifest\'s exits 2 before any host boots', async () => {
  const run = await runAcceptance(['--service', 'wazo-foo', '--package', faultPackage('other-package-name')]);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /is package "wazo-bar", but the manifest describes package "wazo-foo"/);
  assert.doesNotMatch(run.stderr, /checking wazo-foo/);
  assert.deepEqual(await harnessLeftovers(), []);
});

test('a truncated .deb exits 2, found from its ar structure before any engine is asked', async () => {
  const truncated = join(dir, 'wazo-foo_1.1.0_all.deb');
  copyFileSync(join(PATHS.exampleDebs, 'wazo-foo', 'wazo-foo_1.1.0_all.deb'), truncated);
  truncateSync(truncated, 2000);
  const run = await runAcceptance(['--service', 'wazo-foo', '--package', truncated]);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /is truncated or corrupt: (the file ends inside the header of member \d|member \S+ declares \d+ bytes, but the file ends after \d+)/);
  assert.deepEqual(await harnessLeftovers(), []);
});
