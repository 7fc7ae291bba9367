import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HarnessError } from '../errors';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PATHS } from '../paths';
import { MONIT_CYCLE_SECONDS, TIMEOUTS, timeoutScale } from './timeouts';

test('the timeout scale defaults to 1, takes a factor, and refuses nonsense with the fix', () => {
  assert.equal(timeoutScale({}), 1);
  assert.equal(timeoutScale({ WAZO_ACCEPTANCE_TIMEOUT_SCALE: '2.5' }), 2.5);
  assert.throws(() => timeoutScale({ WAZO_ACCEPTANCE_TIMEOUT_SCALE: 'fast' }), (e: unknown) => e instanceof HarnessError && e.kind === 'usage' && /not a factor/.test(e.message));
  assert.throws(() => timeoutScale({ WAZO_ACCEPTANCE_TIMEOUT_SCALE: '0' }), HarnessError);
});

test('the bounds are scaled when read, so importing the module never throws', () => {
  const saved = process.env.WAZO_ACCEPTANCE_TIMEOUT_SCALE;
  try {
    process.env.WAZO_ACCEPTANCE_TIMEOUT_SCALE = '2';
    assert.equal(TIMEOUTS.pidFile, 20_000);
    process.env.WAZO_ACCEPTANCE_TIMEOUT_SCALE = 'fast';
    assert.throws(() => TIMEOUTS.pidFile, HarnessError);
  } finally {
    if (saved === undefined) delete process.env.WAZO_ACCEPTANCE_TIMEOUT_SCALE;
    else process.env.WAZO_ACCEPTANCE_TIMEOUT_SCALE = saved;
  }
});

test("monit's cycle the waits count on is the host's `set daemon`", () => {
  const monitrc = readFileSync(join(PATHS.recipes.host, 'rootfs/etc/monit/monitrc'), 'utf8');
  assert.equal(Number(/^set daemon (\d+)\s*$/m.exec(monitrc)?.[1]), MONIT_CYCLE_SECONDS);
});
