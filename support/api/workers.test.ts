import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { test } from 'node:test';
import type { HostPlacement } from '../runtime/shared-host-schedule';
import { defaultWorkerCount, WORKER_LIMIT_VARIABLE, workerCount, workerLimitPerRun } from './workers';

const own: HostPlacement = 'own';
const reader: HostPlacement = 'shared';
const last: HostPlacement = 'shared-last';
const times = <T>(n: number, item: T): T[] => Array.from({ length: n }, () => item);

test('workers: one per host of its own and one for the shared host, at most two per core', () => {
  assert.equal(workerCount(undefined, [...times(8, own), ...times(18, reader), last], 2), 4);
  assert.equal(workerCount(undefined, [...times(8, own), ...times(18, reader)], 6), 9);
  assert.equal(workerCount(undefined, [...times(2, own), reader], 6), 3);
  assert.equal(workerCount(undefined, times(3, own), 6), 3);
  assert.equal(workerCount(undefined, times(100, own)), 2 * availableParallelism());
});

test('workers: the shared host\'s scenarios alone run in one (serial mode)', () => {
  assert.equal(workerCount(undefined, [...times(6, reader), last], 4), 1);
  assert.equal(workerCount(undefined, [], 4), 1);
});

test('workers: the user\'s --workers when given, never more than the scenarios', () => {
  assert.equal(workerCount(2, times(20, reader), 6), 2);
  assert.equal(workerCount(8, times(5, reader), 2), 5);
});

test('workers: several runs at once share the cores (--all --parallel P sets each run\'s limit)', () => {
  assert.equal(workerLimitPerRun(1, 2), 4);
  assert.equal(workerLimitPerRun(2, 2), 2);
  assert.equal(workerLimitPerRun(4, 2), 1);
  assert.equal(workerLimitPerRun(3, 2), 2);
  assert.equal(defaultWorkerCount(2, { [WORKER_LIMIT_VARIABLE]: '2' }), 2);
  assert.equal(defaultWorkerCount(2, { [WORKER_LIMIT_VARIABLE]: 'many' }), 4);
});
