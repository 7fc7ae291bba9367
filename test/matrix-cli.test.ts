// `npm run matrix`: its usage errors read like the other commands' (stderr, the fix, exit 2).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { ServiceCatalog } from '../support/configuration/service-catalog';
import { ROOT } from './harness';
import { PATHS } from '../support/paths';

function matrix(...args: string[]) {
  return spawnSync(process.execPath, ['--require', 'ts-node/register/transpile-only', 'support/cli/matrix.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
}

test('a bad --shards and an unknown option exit 2 on stderr with the fix; --shards N prints the slices', () => {
  for (const args of [['--shards', 'x'], ['--bogus']]) {
    const run = matrix(...args);
    assert.equal(run.status, 2, run.stderr);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^usage error: .+\n  fix: see `npm run matrix -- --help`\n$/);
  }
  assert.equal(matrix('--shards', '2').stdout, '["1/2","2/2"]\n');
});

test('--built-from ORIGIN prints the services whose manifest takes its package from there; another origin exits 2 with the choices', () => {
  assert.equal(matrix('--built-from', 'examples').stdout, `${JSON.stringify(new ServiceCatalog(PATHS.services).names())}\n`);
  assert.equal(matrix('--built-from', 'repositories').stdout, '[]\n');
  const run = matrix('--built-from', 'apt');
  assert.equal(run.status, 2);
  assert.match(run.stderr, /Allowed choices are examples, repositories/);
});
