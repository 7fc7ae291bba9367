// --docs: checklist items 13 and 15 judged against a checkout of the documentation site, on
// the fixtures of test/fixtures/docs-site/ (shaped like wazo-platform.org), each run compared
// with its whole expected verdict table.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { harnessLeftovers, ROOT, runAcceptance } from './harness';
import { readExpectedTable, readRunVerdicts, tableDifferences } from './verdict-tables';
import { PATHS } from '../support/paths';

const fixtures = join(ROOT, 'test', 'fixtures', 'docs-site');
const reportsDir = join(PATHS.reports, 'self-test', 'docs-site');

async function runOn(site: string): Promise<{ stdout: string; stderr: string }> {
  const expected = readExpectedTable(join(fixtures, site, 'expected.yml'));
  const reports = join(reportsDir, site);
  const run = await runAcceptance(['--service', 'wazo-foo', '--tags', expected.tags ?? '@docs', '--docs', join(fixtures, site), '--reports-dir', reports]);
  assert.deepEqual(tableDifferences(expected, readRunVerdicts(reports, 'wazo-foo', run.stdout + run.stderr)), [], run.stdout + run.stderr);
  return run;
}

test('--docs on a site that documents wazo-foo and lists its config in the backup page: items 13 and 15 PASS', async () => {
  const run = await runOn('documented');
  assert.match(run.stdout, /^PASS +@docs +The service is documented on wazo-platform\.org$/m);
  assert.match(run.stdout, /documented: content\/foo\/description\.md:1 \(API: line 5\)/);
  assert.match(run.stdout, /listed: \/etc\/wazo-foo\/config\.yml by \/etc\/wazo-foo\/ \(content\/uc-doc\/system\/backup_restore\.md:16\)/);
});

test('--docs on a site that only names wazo-foo in passing and does not list its config: FAIL with the nearest page and lines', async () => {
  const run = await runOn('undocumented');
  assert.match(run.stdout, /found: +no heading names wazo-foo; nearest: content\/uc-doc\/contributors\/new_service\.md names it on line\(s\) 3/);
  assert.match(run.stdout, /new_service\.md \| sed -n '3p' .*\n +3:Follow the new-service guidelines/);
  assert.match(run.stdout, /found: +\/etc\/wazo-foo\/config\.yml: no entry lists it or a directory above it/);
  assert.match(run.stdout, /backup_restore\.md \| sed -n '14p;15p;16p'/);
  assert.deepEqual(await harnessLeftovers(), []);
});
