import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { test } from 'node:test';
import { workerCount } from './workers';

test('workers: two per core by default, the user\'s --workers when given, never more than the scenarios', () => {
  assert.equal(workerCount(undefined, 20, 6), 12);
  assert.equal(workerCount(undefined, 3, 6), 3);
  assert.equal(workerCount(2, 20, 6), 2);
  assert.equal(workerCount(8, 5, 2), 5);
  assert.equal(workerCount(undefined, 0, 4), 1);
  assert.equal(workerCount(undefined, 100), 2 * availableParallelism());
});
