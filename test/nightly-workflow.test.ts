// The shipped GitHub Actions workflow is validated here, since it only runs on GitHub:
// it must parse, call only commands that exist, with options the harness accepts, and
// consume `npm run matrix` in the format it prints.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { parseOptions } from '../support/cli/options';
import { ServiceCatalog } from '../support/configuration/service-catalog';
import { ROOT } from './harness';

interface Step {
  run?: string;
  uses?: string;
  id?: string;
  with?: Record<string, string>;
}
interface Job {
  needs?: string;
  outputs?: Record<string, string>;
  strategy?: { matrix: Record<string, string> };
  steps: Step[];
}

const workflow = parse(readFileSync(join(ROOT, '.github', 'workflows', 'nightly.yml'), 'utf8')) as { on: object; jobs: Record<string, Job> };
const scripts = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
const runs = Object.values(workflow.jobs).flatMap((job) => job.steps.map((s) => s.run).filter((r): r is string => r !== undefined));

test('the workflow runs nightly and on demand', () => {
  assert.ok('schedule' in workflow.on && 'workflow_dispatch' in workflow.on);
});

test('every npm command of the workflow exists, and acceptance options are valid', () => {
  const npmRuns = runs.flatMap((run) => [...run.matchAll(/npm run (?:--silent )?([\w:-]+)(?: -- ([^"\n]*))?/g)]);
  assert.ok(npmRuns.length >= 3, runs.join('\n'));
  for (const [, script, args] of npmRuns) {
    assert.ok(scripts.includes(script), `npm run ${script} is not a script of package.json`);
    if (script === 'acceptance') {
      const argv = (args ?? '').replace(/\$\{\{ matrix\.service \}\}/g, 'wazo-foo').trim().split(/\s+/);
      assert.doesNotThrow(() => parseOptions(argv), `npm run acceptance -- ${args}`);
    }
  }
});

test('the matrix job publishes `npm run matrix` output, which the acceptance job expands per service', () => {
  const { matrix, acceptance } = workflow.jobs;
  const list = matrix.steps.find((s) => s.id === 'list');
  assert.match(list?.run ?? '', /services=\$\(npm run --silent matrix\)/);
  assert.equal(matrix.outputs?.services, '${{ steps.list.outputs.services }}');
  assert.equal(acceptance.needs, 'matrix');
  assert.equal(acceptance.strategy?.matrix.service, '${{ fromJSON(needs.matrix.outputs.services) }}');
  const printed = JSON.parse(execFileSync('npm', ['run', '--silent', 'matrix'], { cwd: ROOT, encoding: 'utf8' })) as unknown;
  assert.deepEqual(printed, new ServiceCatalog(join(ROOT, 'services')).names());
  const upload = acceptance.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'));
  assert.equal(upload?.with?.path, 'reports/${{ matrix.service }}');
});
