import assert from 'node:assert/strict';
import { test } from 'node:test';
import { docPage } from '../docs/docs-site';
import { backupListing, serviceDocumentation, undocumentedBackup } from './documentation';

const foo = { name: 'wazo-foo', api: { port: 9504, path: '/api/foo' } };
const servicePage = docPage('content/foo/description.md', '# [foo](https://github.com/wazo-platform/wazo-foo)\n\nwazo-foo does foo.\n\n## API documentation\n\nThe REST API is on port 9504.\n');

test('a page whose heading names the service and that describes its API documents it, with the lines', () => {
  const verdict = serviceDocumentation([docPage('content/uc-doc/index.md', '# Manual\n'), servicePage], foo);
  assert.ok(verdict.documented);
  assert.deepEqual([verdict.heading.page, verdict.heading.line], ['content/foo/description.md', 1]);
  assert.equal(verdict.api?.line, 5);
});

test('a service without an API (api: none) is documented by a heading naming it', () => {
  const titleOnly = docPage('content/jay/description.md', '# wazo-jay\n\nwazo-jay does jay.\n');
  const verdict = serviceDocumentation([titleOnly], { name: 'wazo-jay' });
  assert.ok(verdict.documented);
  assert.deepEqual([verdict.heading.line, verdict.api], [1, undefined]);
  assert.ok(!serviceDocumentation([docPage('content/x.md', 'wazo-jay is mentioned.\n')], { name: 'wazo-jay' }).documented);
});

test('a page that only mentions the service, or a heading without its API, does not document it: the nearest is named', () => {
  const passing = docPage('content/uc-doc/upgrade.md', '# Upgrade notes\n\nwazo-foo was added.\n\nThe API changed.\n');
  const titleOnly = docPage('content/foo/description.md', '# wazo-foo\n\nSoon.\n');
  const mentioned = serviceDocumentation([passing], foo);
  assert.ok(!mentioned.documented);
  assert.deepEqual(mentioned.nearest?.mentions.map((m) => m.line), [3]);
  const nearest = serviceDocumentation([passing, titleOnly], foo);
  assert.ok(!nearest.documented);
  assert.equal(nearest.nearest?.heading?.page, 'content/foo/description.md');
  assert.deepEqual(serviceDocumentation([docPage('content/bar.md', '# wazo-foobar\n\nAPI\n')], foo), { documented: false, nearest: undefined });
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
