import assert from 'node:assert/strict';
import { test } from 'node:test';
import { restartedBy, restartedWithNewPid } from './supervision';

test('restarted: active again, with a main PID that is not the killed one', () => {
  assert.equal(restartedWithNewPid({ activeState: 'active', mainPid: 43 }, 42), true);
  assert.equal(restartedWithNewPid({ activeState: 'active', mainPid: 42 }, 42), false, 'the killed process, not yet reaped');
  assert.equal(restartedWithNewPid({ activeState: 'activating', mainPid: 43 }, 42), false);
  assert.equal(restartedWithNewPid({ activeState: 'active', mainPid: 0 }, 42), false);
});

test("who restarted the daemon, in the supervisors' own names", () => {
  assert.equal(restartedBy(true, false), 'systemd');
  assert.equal(restartedBy(false, true), 'monit');
  assert.equal(restartedBy(true, true), 'systemd and monit');
  assert.equal(restartedBy(false, false), 'neither supervisor');
});
