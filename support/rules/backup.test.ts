import assert from 'node:assert/strict';
import { test } from 'node:test';
import { docPage } from '../docs/docs-site';
import { backupListing, notSavedAsIs, realBackupNote, realBackupStanding, secretsOutside, undocumentedBackup } from './backup';
import { knowledge } from './real-tool-fixtures';

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

const PATHS_D = '/etc/wazo-backup/paths.d';
const backupKnowledge = knowledge('wazo-backup', [['/etc/wazo-auth/'], ['/etc/hosts']], PATHS_D, [
  { file: 'wazo-foo', lines: ['/etc/wazo-foo/conf.d/', '/etc/wazo-foo/'] },
]);
const REAL_BACKUP = "the real wazo-backup's BACKUP_LIST (wazo-platform/wazo-backup bin/wazo-backup at 01234567, version 1.0)";

test('realBackupStanding: under an entry of the real list first, else under a drop-in line, else nowhere', () => {
  assert.deepEqual(realBackupStanding(backupKnowledge, '/etc/wazo-auth/config.yml'), { path: '/etc/wazo-auth/config.yml', kind: 'real-list', entry: '/etc/wazo-auth/' });
  assert.deepEqual(realBackupStanding(backupKnowledge, '/etc/wazo-foo/config.yml'), { path: '/etc/wazo-foo/config.yml', kind: 'drop-in', entry: '/etc/wazo-foo/', file: 'wazo-foo' });
  assert.deepEqual(realBackupStanding(backupKnowledge, '/etc/wazo-bar/config.yml'), { path: '/etc/wazo-bar/config.yml', kind: 'absent' });
  assert.deepEqual(realBackupStanding(backupKnowledge, '/etc/hosts.allow'), { path: '/etc/hosts.allow', kind: 'absent' });
});

test('realBackupNote: one sentence per path, naming the entry to add to the real list and the drop-in that emulates it', () => {
  const standings = ['/etc/wazo-auth/config.yml', '/etc/wazo-foo/config.yml', '/etc/wazo-foo2/key.yml', '/var/lib/other/x'].map((p) => realBackupStanding(backupKnowledge, p));
  assert.equal(
    realBackupNote(standings, '/etc/wazo-foo2', backupKnowledge),
    [
      `/etc/wazo-auth/config.yml is in ${REAL_BACKUP} as /etc/wazo-auth/`,
      `/etc/wazo-foo/config.yml is not in ${REAL_BACKUP}: add /etc/wazo-foo/ to it; the drop-in ${PATHS_D}/wazo-foo emulates that change here`,
      `/etc/wazo-foo2/key.yml is not in ${REAL_BACKUP} nor in a drop-in of ${PATHS_D}/: add /etc/wazo-foo2/ to it`,
      `/var/lib/other/x is not in ${REAL_BACKUP} nor in a drop-in of ${PATHS_D}/: add /var/lib/other/x to it`,
    ].join('; '),
  );
});
