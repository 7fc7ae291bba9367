import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HarnessError } from '../errors';
import { parseOptions, tagExpression } from './options';

function usageError(argv: string[]): string {
  try {
    parseOptions(argv);
  } catch (error) {
    assert.ok(error instanceof HarnessError && error.kind === 'usage');
    return error.message;
  }
  assert.fail('accepted');
}

test('defaults: Debian stable (trixie), no keep', () => {
  assert.deepEqual(parseOptions(['--service', 'wazo-foo']), { service: 'wazo-foo', debian: 'trixie', keep: false, verbose: false, cleanup: false });
});

test('a bad option value names the allowed ones', () => {
  assert.match(usageError(['--service', 'wazo-foo', '--debian', 'sid']), /argument 'sid' is invalid\. Allowed choices are trixie, bookworm/);
});

test('an unknown option, no service, and two sources of a manifest are usage errors', () => {
  assert.match(usageError(['--service', 'wazo-foo', '--fast']), /unknown option '--fast'/);
  assert.match(usageError([]), /no service given/);
  assert.match(usageError(['--service', 'a', '--manifest', 'b.yml']), /--service and --manifest both given/);
});

test("a run keeps only its own service's rows of per-service features, within the user's tags", () => {
  assert.equal(tagExpression(undefined, 'wazo-foo'), '(not @per-service or @wazo-foo)');
  assert.equal(tagExpression('@http or @user', 'wazo-foo'), '(@http or @user) and (not @per-service or @wazo-foo)');
});
