import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { HarnessError } from '../errors';
import { parseOptions } from './options';

function usageError(argv: string[]): string {
  try {
    parseOptions(argv);
  } catch (error) {
    assert.ok(error instanceof HarnessError && error.kind === 'usage');
    return error.message;
  }
  assert.fail('accepted');
}

test('defaults: Debian stable (trixie), no keep, reports under reports/', () => {
  assert.deepEqual(parseOptions(['--service', 'wazo-foo']), {
    service: 'wazo-foo',
    reportsDir: resolve('reports'),
    all: false,
    parallel: 1,
    debian: 'trixie',
    keep: false,
    keepOnFailure: false,
    verbose: false,
    cleanup: false,
    failFast: false,
    list: false,
    format: 'text',
    argv: ['--service', 'wazo-foo'],
  });
});

test('a bad option value names the allowed ones', () => {
  assert.match(usageError(['--service', 'wazo-foo', '--debian', 'sid']), /argument 'sid' is invalid\. Allowed choices are trixie, bookworm/);
});

test('an unknown option, no service, and two sources of a manifest are usage errors', () => {
  assert.match(usageError(['--service', 'wazo-foo', '--fast']), /unknown option '--fast'/);
  assert.match(usageError([]), /no service given/);
  assert.match(usageError(['--service', 'a', '--manifest', 'b.yml']), /--service and --manifest both given/);
});

test('--docs takes the documentation site as an absolute directory', () => {
  assert.equal(parseOptions(['--service', 'wazo-foo', '--docs', 'site'])?.docs, resolve('site'));
});

test('--all takes a shard I/N and a parallelism; both are refused without --all or with bad values', () => {
  assert.deepEqual(parseOptions(['--all', '--shard', '2/3', '--parallel', '2'])?.shard, { index: 2, total: 3 });
  assert.match(usageError(['--all', '--shard', '4/3']), /not a slice I\/N/);
  assert.match(usageError(['--all', '--parallel', '0']), /not a whole number from 1 to 8/);
  assert.match(usageError(['--service', 'wazo-foo', '--shard', '1/2']), /only apply to --all/);
  assert.match(usageError(['--all', '--service', 'wazo-foo']), /--service and --all both given/);
  assert.match(usageError(['--all', '--package', 'x.deb']), /--package with --all/);
});

test('--workers takes 1 to 8 cucumber workers', () => {
  assert.equal(parseOptions(['--service', 'wazo-foo', '--workers', '2'])?.workers, 2);
  assert.match(usageError(['--service', 'wazo-foo', '--workers', '0']), /"0" is not a whole number from 1 to 8/);
});

test('--cleanup runs alone, --list takes one service, --name takes regular expressions', () => {
  assert.match(usageError(['--cleanup', '--service', 'wazo-foo']), /--cleanup with --service/);
  assert.match(usageError(['--cleanup', '--package', 'x.deb']), /--cleanup with --package/);
  assert.match(usageError(['--all', '--list']), /--list with --all/);
  assert.deepEqual(parseOptions(['--service', 'wazo-foo', '--name', 'root', '--name', 'shell$'])?.name, ['root', 'shell$']);
  assert.match(usageError(['--service', 'wazo-foo', '--name', '(']), /"\(" is not a regular expression/);
  assert.equal(parseOptions(['--service', 'wazo-foo', '--fail-fast'])?.failFast, true);
});

test('--keep-on-failure is one of the two ways to keep hosts; --cleanup takes an optional run id', () => {
  assert.equal(parseOptions(['--service', 'wazo-foo', '--keep-on-failure'])?.keepOnFailure, true);
  assert.match(usageError(['--service', 'wazo-foo', '--keep', '--keep-on-failure']), /--keep and --keep-on-failure both given\n  fix: /);
  const all = parseOptions(['--cleanup']);
  assert.equal(all?.cleanup, true);
  assert.equal(all?.cleanupRun, undefined);
  assert.equal(parseOptions(['--cleanup', '0a1b2c3d'])?.cleanupRun, '0a1b2c3d');
  assert.match(usageError(['--cleanup', 'wazo-foo']), /"wazo-foo" is not a run id/);
  assert.match(usageError(['--cleanup', '--service', 'wazo-foo']), /--cleanup with --service/);
});

test('--timeout-scale takes a factor from 0 to 20, as the variable does', () => {
  assert.equal(parseOptions(['--service', 'wazo-foo', '--timeout-scale', '2.5'])?.timeoutScale, 2.5);
  assert.match(usageError(['--service', 'wazo-foo', '--timeout-scale', 'fast']), /"fast" is not a factor between 0 and 20/);
});

test('--format is text or json', () => {
  assert.equal(parseOptions(['--service', 'wazo-foo', '--format', 'json'])?.format, 'json');
  assert.match(usageError(['--service', 'wazo-foo', '--format', 'xml']), /Allowed choices are text, json/);
});
