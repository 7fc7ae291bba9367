import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isUnder } from './paths';

test('isUnder: a trailing slash means the directory and what it holds, otherwise the exact path', () => {
  assert.equal(isUnder('/var/lib/dpkg/status', '/var/lib/dpkg/'), true);
  assert.equal(isUnder('/var/lib/dpkg', '/var/lib/dpkg/'), true);
  assert.equal(isUnder('/var/lib/dpkgx', '/var/lib/dpkg/'), false);
  assert.equal(isUnder('/etc/ld.so.cache.old', '/etc/ld.so.cache'), false);
});
