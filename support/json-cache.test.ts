import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { cachedAnswer } from './json-cache';

const scratch = mkdtempSync(join(tmpdir(), 'json-cache-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const isCount = (value: unknown): value is { n: number } => typeof (value as { n?: unknown } | null)?.n === 'number';

/** A computation that counts its runs. */
function counter(): { compute: () => Promise<{ n: number }>; runs: () => number } {
  let n = 0;
  return { compute: async () => ({ n: ++n }), runs: () => n };
}

test('an answer is computed once for the same inputs, and again for other inputs', async () => {
  const dir = mkdtempSync(join(scratch, 'cache-'));
  const { compute, runs } = counter();
  assert.deepEqual(await cachedAnswer('t', ['a', 'b'], isCount, compute, dir), { n: 1 });
  assert.deepEqual(await cachedAnswer('t', ['a', 'b'], isCount, compute, dir), { n: 1 }, 'read, not computed');
  assert.deepEqual(await cachedAnswer('t', ['ab', ''], isCount, compute, dir), { n: 2 }, 'inputs are kept apart, not joined');
  assert.equal(runs(), 2);
});

test('what is kept and is not an answer (cut short, another shape) is computed again and rewritten', async () => {
  for (const kept of ['{"n": 1', '{"m": 1}', 'null']) {
    const dir = mkdtempSync(join(scratch, 'cache-'));
    const { compute, runs } = counter();
    await cachedAnswer('t', ['a'], isCount, compute, dir);
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file), kept);
    assert.deepEqual(await cachedAnswer('t', ['a'], isCount, compute, dir), { n: 2 }, `${kept}: computed again`);
    assert.equal(runs(), 2);
    assert.deepEqual(JSON.parse(readFileSync(join(dir, file), 'utf8')), { n: 2 }, 'rewritten');
    assert.deepEqual(readdirSync(dir), [file], 'nothing left aside');
  }
});
