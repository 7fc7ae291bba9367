import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PasswdEntry } from '../probes/users';
import { homeIsAllowed, isRoot, processesNotRunningAs, refusesLogin } from './user';

const user: PasswdEntry = { name: 'wazo-foo', uid: 101, gid: 101, home: '/var/lib/wazo-foo', shell: '/usr/sbin/nologin' };

test('root is uid 0, whatever its name', () => {
  assert.equal(isRoot(user), false);
  assert.equal(isRoot({ ...user, uid: 0 }), true);
});

test("the processes that do not run as the service user's uid", () => {
  const own = { pid: 10, uid: 101, user: 'wazo-foo', command: 'wazo-foo' };
  const root = { pid: 11, uid: 0, user: 'root', command: 'wazo-foo --worker' };
  assert.deepEqual(processesNotRunningAs([own, root], 101), [root]);
  assert.deepEqual(processesNotRunningAs([own], 101), []);
});

test('nologin and false refuse a login; bash and an empty shell (/bin/sh) do not', () => {
  for (const shell of ['/usr/sbin/nologin', '/sbin/nologin', '/usr/bin/false', '/bin/false']) assert.equal(refusesLogin({ ...user, shell }), true, shell);
  for (const shell of ['/bin/bash', '/bin/sh', '']) assert.equal(refusesLogin({ ...user, shell }), false, shell);
});

test('a home under /var/lib or /nonexistent is allowed, one under /home is not', () => {
  for (const home of ['/var/lib/wazo-foo', '/nonexistent']) assert.equal(homeIsAllowed({ ...user, home }), true, home);
  for (const home of ['/home/wazo-foo', '/var/lib', '/']) assert.equal(homeIsAllowed({ ...user, home }), false, home);
});
