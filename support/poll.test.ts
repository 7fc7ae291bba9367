import assert from 'node:assert/strict';
import { test } from 'node:test';
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

test('pollUntil stops at the time bound with the last state seen, never throwing', async () => {
  let reads = 0;
  const result = await pollUntil(async () => ++reads, () => false, { timeoutMs: 30, intervalMs: 10 });
  assert.equal(result.satisfied, false);
  assert.equal(result.last, reads, 'the value of the last read');
  assert.ok(reads >= 2 && result.waitedMs >= 30, `${reads} reads in ${result.waitedMs} ms`);
});

test('pollUntil stops after the number of attempts, without a pause after the last', async () => {
  const r = reads(0);
  const started = Date.now();
  const result = await pollUntil(r.read, () => false, { attempts: 3, intervalMs: 200 });
  assert.equal(result.satisfied, false);
  assert.equal(r.calls(), 3);
  assert.ok(Date.now() - started < 600, 'two pauses, not three');
});

test('a read that throws ends the wait with its error', async () => {
  await assert.rejects(pollUntil(() => Promise.reject(new Error('EACCES')), () => true, { timeoutMs: 1_000, intervalMs: 1 }), /EACCES/);
});
