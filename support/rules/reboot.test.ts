import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiAnswered, leftInactive, sameProcessUsers } from './reboot';

test('apiAnswered: the service answered, whatever it said, unless nginx found no route or no service', () => {
  for (const status of [200, 401, 405]) assert.equal(apiAnswered(status), true, String(status));
  for (const status of [0, 404, 502, 503, 504]) assert.equal(apiAnswered(status), false, String(status));
});

test('the same users after the reboot, and at least one process', () => {
  assert.equal(sameProcessUsers(['wazo-foo'], ['wazo-foo']), true);
  assert.equal(sameProcessUsers(['root', 'wazo-foo'], ['wazo-foo']), false);
  assert.equal(sameProcessUsers([], []), false, 'no process after the reboot');
});

test('a disabled service that leaves inactive has been started', () => {
  for (const activeState of ['active', 'activating', 'failed']) assert.equal(leftInactive({ activeState }), true, activeState);
  assert.equal(leftInactive({ activeState: 'inactive' }), false);
});
