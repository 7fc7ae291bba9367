import assert from 'node:assert/strict';
import { test } from 'node:test';
import { onMockClock } from '../test/mock-clock';
import { pollUntil } from './poll';

/** A read that answers `values` in turn, then the last one again, counting its calls. */
function reads<T>(...values: T[]) {
  let calls = 0;
  return { read: async () => values[Math.min(calls++, values.length - 1)], calls: () => calls };
}

test('pollUntil reads until the value is done, and says so', async () => {
  const r = reads('starting', 'starting', 'running');
  const result = await pollUntil(r.read, (v) => v === 'running', { timeoutMs: 5_000, intervalMs: 1 });
  assert.equal(result.satisfied, true);
  assert.equal(result.last, 'running');
  assert.equal(r.calls(), 3);
});

test('pollUntil stops at the time bound with the last state seen, never throwing', async (t) => {
  let reads = 0;
  const { value: result } = await onMockClock(t, () => pollUntil(async () => ++reads, () => false, { timeoutMs: 30, intervalMs: 10 }), 10);
  assert.equal(result.satisfied, false);
  assert.equal(result.last, reads, 'the value of the last read');
  assert.equal(reads, 4, 'reads at 0, 10, 20 and 30 ms');
  assert.equal(result.waitedMs, 30);
});

test('pollUntil stops after the number of attempts, without a pause after the last', async (t) => {
  const r = reads(0);
  const { value: result, elapsedMs } = await onMockClock(t, () => pollUntil(r.read, () => false, { attempts: 3, intervalMs: 200 }), 100);
  assert.equal(result.satisfied, false);
  assert.equal(r.calls(), 3);
  assert.equal(elapsedMs, 400, 'two pauses, not three');
});

test('a read that throws ends the wait with its error', async () => {
  await assert.rejects(pollUntil(() => Promise.reject(new Error('EACCES')), () => true, { timeoutMs: 1_000, intervalMs: 1 }), /EACCES/);
});
