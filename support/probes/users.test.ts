import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeShell } from '../../test/fake-shell';
import { groupsOf, parsePasswdLine, passwdEntry } from './users';

test('parsePasswdLine reads the seven fields and refuses anything else', () => {
  assert.deepEqual(parsePasswdLine('wazo-foo:x:999:995::/var/lib/wazo-foo:/usr/sbin/nologin\n'), {
    name: 'wazo-foo',
    uid: 999,
    gid: 995,
    home: '/var/lib/wazo-foo',
    shell: '/usr/sbin/nologin',
  });
  assert.equal(parsePasswdLine(''), undefined);
});

test('passwdEntry returns the entry with its evidence, and undefined for a missing user', async () => {
  const shell = fakeShell({
    'getent passwd wazo-foo': { stdout: 'wazo-foo:x:999:995::/var/lib/wazo-foo:/usr/sbin/nologin\n' },
    'getent passwd nobody-here': { exitCode: 2 },
  });
  const found = await passwdEntry(shell, 'wazo-foo');
  assert.equal(found.value?.uid, 999);
  assert.equal(found.evidence[0].command, 'getent passwd wazo-foo');
  assert.equal((await passwdEntry(shell, 'nobody-here')).value, undefined);
});

test('groupsOf lists primary and supplementary groups', async () => {
  const shell = fakeShell({ 'id -nG wazo-foo': { stdout: 'wazo-foo consul\n' } });
  assert.deepEqual((await groupsOf(shell, 'wazo-foo')).value, ['wazo-foo', 'consul']);
});
