import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiAnswered } from './reboot';

test('apiAnswered: the service answered, whatever it said, unless nginx found no route or no service', () => {
  for (const status of [200, 401, 405]) assert.equal(apiAnswered(status), true, String(status));
  for (const status of [0, 404, 502, 503, 504]) assert.equal(apiAnswered(status), false, String(status));
});
