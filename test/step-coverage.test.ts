// Every Then step of the features has an example package that fails at it (issue 12, item 8):
// npm run step-coverage must list none.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { ROOT } from './harness';

test('every Then step has a broken or fault example that fails at it', () => {
  const run = spawnSync(process.execPath, ['--require', 'ts-node/register/transpile-only', 'support/cli/step-coverage.ts'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /\nevery Then step has a broken example\n$|^every Then step has a broken example\n$/);
});
