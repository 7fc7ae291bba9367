import assert from 'node:assert/strict';
import { test } from 'node:test';
import { machineBusyMs } from './machine-cpu';

test('busy CPU time: user, nice, system, irq, softirq and steal, not idle nor iowait', () => {
  assert.equal(machineBusyMs('cpu  100 5 50 9000 40 1 2 3 0 0\ncpu0 50 2 25 4500 20 0 1 1 0 0\n'), (100 + 5 + 50 + 1 + 2 + 3) * 10);
  assert.throws(() => machineBusyMs('intr 1 2 3\n'), /no readable cpu line/);
});
