import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeRepeat, stalled } from './verdict-repeats';

test('a run stalled: more than twice the median of the runs before it, never run 1', () => {
  assert.equal(stalled(105_700, []), false);
  assert.equal(stalled(105_700, [31_400, 30_300, 28_200]), true);
  assert.equal(stalled(60_000, [31_400, 30_300, 28_200]), false);
  // An even count: the mean of the middle two (29 s here), not the higher one.
  assert.equal(stalled(59_000, [28_000, 30_000, 28_000, 30_000]), true);
});

test('a kept run says where its reports are', () => {
  const machine = { work: 55_000, idle: 150_000, steal: 400, unaccounted: 6_000 };
  const run = { ms: 105_700, ok: true, detail: '', index: 4, exit: 0, differences: [], kept: '/r/wazo-foo-run4', machine };
  assert.equal(
    describeRepeat(run, 20),
    'run 4/20: 105.7 s, exit 0, the same verdict table as run 1 (its reports are kept in /r/wazo-foo-run4); machine: work 55.0, idle 150.0, steal 0.4, unaccounted 6.0 CPU-s',
  );
});
