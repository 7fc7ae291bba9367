import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cpuSplit, cpuStates, describeCpuSplit, machineBusyMs } from './machine-cpu';

const STAT = 'cpu  100 5 50 9000 40 1 2 3 0 0\ncpu0 50 2 25 4500 20 0 1 1 0 0\ncpu1 50 3 25 4500 20 1 1 2 0 0\nintr 1 2\n';

test('busy CPU time: user, nice, system, irq, softirq and steal, not idle nor iowait', () => {
  assert.equal(machineBusyMs(STAT), (100 + 5 + 50 + 1 + 2 + 3) * 10);
  assert.throws(() => machineBusyMs('intr 1 2 3\n'), /no readable cpu line/);
});

test('states: work, idle (iowait included) and steal apart, over the cpuN lines', () => {
  assert.deepEqual(cpuStates(STAT), { work: (100 + 5 + 50 + 1 + 2) * 10, idle: 9040 * 10, steal: 30, cpus: 2 });
});

test('a split: the differences, and the wall time x CPUs that no state counted (a paused VM)', () => {
  const before = { work: 1_000, idle: 5_000, steal: 100, cpus: 2 };
  const counted = cpuSplit(before, { work: 51_000, idle: 13_000, steal: 1_100, cpus: 2 }, 29_500);
  assert.deepEqual(counted, { work: 50_000, idle: 8_000, steal: 1_000, unaccounted: 0 });
  // 105 s of wall on 2 CPUs, 59 s of them counted: 151 CPU-s counted by nobody.
  const paused = cpuSplit(before, { work: 51_000, idle: 13_000, steal: 1_100, cpus: 2 }, 105_000);
  assert.equal(paused.unaccounted, 151_000);
  assert.equal(describeCpuSplit(paused), 'work 50.0, idle 8.0, steal 1.0, unaccounted 151.0 CPU-s');
});
