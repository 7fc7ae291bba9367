import assert from 'node:assert/strict';
import { test } from 'node:test';
import { processesLeft, purgeLeftovers, routeRemoved } from './purge';

test('purgeLeftovers: package files are leftovers, bookkeeping of dpkg, apt and the host daemons is not', () => {
  assert.deepEqual(
    purgeLeftovers(['/var/lib/dpkg/info/wazo-foo.list', '/var/log/wazo-foo.log', '/var/lib/consul/raft/raft.db', '/etc/nginx/locations/https-enabled/wazo-foo']),
    ['/var/log/wazo-foo.log', '/etc/nginx/locations/https-enabled/wazo-foo'],
  );
});

test("processesLeft: the unit's and the user's processes, a process in both counted once", () => {
  const worker = { pid: 7, uid: 101, user: 'wazo-foo', command: 'wazo-foo' };
  const cron = { pid: 9, uid: 101, user: 'wazo-foo', command: 'sleep 60' };
  assert.deepEqual(processesLeft([worker], [worker, cron]), [worker, cron]);
  assert.deepEqual(processesLeft([], []), []);
});

test('routeRemoved: only 404 says the route is gone', () => {
  assert.equal(routeRemoved(404), true);
  for (const status of [0, 200, 401, 502]) assert.equal(routeRemoved(status), false, String(status));
});
