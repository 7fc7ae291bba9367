import assert from 'node:assert/strict';
import { test } from 'node:test';
import { docPage } from '../docs/docs-site';
import { backupListing, notSavedAsIs, secretsOutside, undocumentedBackup } from './backup';

test('secretsOutside: the token may be in the declared config and the host consul config, never in consul state', () => {
  assert.deepEqual(secretsOutside(['/etc/wazo/consul.yml', '/etc/wazo-foo/conf.d/key.yml'], ['/etc/wazo-foo/']), []);
  assert.deepEqual(secretsOutside(['/etc/wazo-foo/conf.d/key.yml'], ['/etc/wazo-foo/config.yml']), ['/etc/wazo-foo/conf.d/key.yml']);
  assert.deepEqual(secretsOutside(['/var/lib/consul/master_token'], ['/var/lib/consul/']), ['/var/lib/consul/master_token']);
});

test('notSavedAsIs: every file but those the archive holds the same', () => {
  const compared = [
    { path: '/etc/wazo-foo/config.yml', state: 'same' as const },
    { path: '/etc/wazo-foo/conf.d/a.yml', state: 'differs' as const },
    { path: '/etc/wazo-foo/conf.d/b.yml', state: 'missing' as const },
  ];
  assert.deepEqual(notSavedAsIs(compared).map((c) => c.path), ['/etc/wazo-foo/conf.d/a.yml', '/etc/wazo-foo/conf.d/b.yml']);
  assert.deepEqual(notSavedAsIs(compared.slice(0, 1)), []);
});

const backupPage = docPage(
  'content/uc-doc/system/backup_restore.md',
  'Here is the list of folders and files that are backed-up:\n\n- `/etc/asterisk/`\n- `/etc/wazo-foo/`\n\nThe following files/folders are excluded from this backup:\n\n- folders:\n  - `/var/lib/wazo-foo/cache`\n',
);

test('a backup path is listed by its own entry or a directory above it, with the line', () => {
  const [entry] = backupListing(backupPage, ['/etc/wazo-foo/config.yml']);
  assert.equal(entry.listedBy?.line, 4);
  assert.equal(entry.listedBy?.entry, '/etc/wazo-foo/');
  assert.deepEqual(undocumentedBackup([entry]), []);
});

test('a backup path that no entry lists, or that the exclusions list, is undocumented', () => {
  const entries = backupListing(backupPage, ['/etc/wazo-bar/config.yml', '/var/lib/wazo-foo/cache/x', '/etc/wazo-foobar.yml']);
  assert.deepEqual(undocumentedBackup(entries).map((e) => e.path), ['/etc/wazo-bar/config.yml', '/var/lib/wazo-foo/cache/x', '/etc/wazo-foobar.yml']);
  assert.equal(entries[1].excludedBy?.line, 9);
  assert.deepEqual(backupListing(undefined, ['/etc/x']).map((e) => e.listedBy), [undefined]);
});
