import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HarnessError } from '../errors';
import { timeoutScale } from './timeouts';

test('the timeout scale defaults to 1, takes a factor, and refuses nonsense with the fix', () => {
  assert.equal(timeoutScale({}), 1);
  assert.equal(timeoutScale({ WAZO_ACCEPTANCE_TIMEOUT_SCALE: '2.5' }), 2.5);
  assert.throws(() => timeoutScale({ WAZO_ACCEPTANCE_TIMEOUT_SCALE: 'fast' }), (e: unknown) => e instanceof HarnessError && e.kind === 'usage' && /not a factor/.test(e.message));
  assert.throws(() => timeoutScale({ WAZO_ACCEPTANCE_TIMEOUT_SCALE: '0' }), HarnessError);
});
