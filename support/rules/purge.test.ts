import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiAnswered, isUnder, purgeLeftovers, secretsOutside } from './purge';

test('apiAnswered: the service answered, whatever it said, unless nginx found no route or no service', () => {
  for (const status of [200, 401, 405]) assert.equal(apiAnswered(status), true, String(status));
  for (const status of [0, 404, 502, 503, 504]) assert.equal(apiAnswered(status), false, String(status));
});

test('isUnder: a trailing slash means the directory and what it holds, otherwise the exact path', () => {
  assert.equal(isUnder('/var/lib/dpkg/status', '/var/lib/dpkg/'), true);
  assert.equal(isUnder('/var/lib/dpkg', '/var/lib/dpkg/'), true);
  assert.equal(isUnder('/var/lib/dpkgx', '/var/lib/dpkg/'), false);
  assert.equal(isUnder('/etc/ld.so.cache.old', '/etc/ld.so.cache'), false);
});

test('secretsOutside: the token may be in the declared config and the host consul config, never in consul state', () => {
  assert.deepEqual(secretsOutside(['/etc/wazo/consul.yml', '/etc/wazo-foo/conf.d/key.yml'], ['/etc/wazo-foo/']), []);
  assert.deepEqual(secretsOutside(['/etc/wazo-foo/conf.d/key.yml'], ['/etc/wazo-foo/config.yml']), ['/etc/wazo-foo/conf.d/key.yml']);
  assert.deepEqual(secretsOutside(['/var/lib/consul/master_token'], ['/var/lib/consul/']), ['/var/lib/consul/master_token']);
});

test('purgeLeftovers: package files are leftovers, bookkeeping of dpkg, apt and the host daemons is not', () => {
  assert.deepEqual(
    purgeLeftovers(['/var/lib/dpkg/info/wazo-foo.list', '/var/log/wazo-foo.log', '/var/lib/consul/raft/raft.db', '/etc/nginx/locations/https-enabled/wazo-foo']),
    ['/var/log/wazo-foo.log', '/etc/nginx/locations/https-enabled/wazo-foo'],
  );
});
