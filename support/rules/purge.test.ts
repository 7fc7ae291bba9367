import assert from 'node:assert/strict';
import { test } from 'node:test';
import { purgeLeftovers } from './purge';

test('purgeLeftovers: package files are leftovers, bookkeeping of dpkg, apt and the host daemons is not', () => {
  assert.deepEqual(
    purgeLeftovers(['/var/lib/dpkg/info/wazo-foo.list', '/var/log/wazo-foo.log', '/var/lib/consul/raft/raft.db', '/etc/nginx/locations/https-enabled/wazo-foo']),
    ['/var/log/wazo-foo.log', '/etc/nginx/locations/https-enabled/wazo-foo'],
  );
});
