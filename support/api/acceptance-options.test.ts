import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shardOf, tagExpression } from './acceptance-options';

test("a run keeps only its own service's rows of per-service features, within the user's tags", () => {
  assert.equal(tagExpression(undefined, 'wazo-foo', true), '(not @per-service or @wazo-foo)');
  assert.equal(tagExpression('@http or @user', 'wazo-foo', true), '(@http or @user) and (not @per-service or @wazo-foo)');
});

test('the documentation checks run only with --docs', () => {
  assert.equal(tagExpression(undefined, 'wazo-foo', false), '(not @per-service or @wazo-foo) and not @docs');
});

test('shards are round-robin slices that cover every service exactly once', () => {
  const names = ['a', 'b', 'c', 'd', 'e'];
  const slices = [1, 2].map((index) => shardOf(names, { index, total: 2 }));
  assert.deepEqual(slices, [['a', 'c', 'e'], ['b', 'd']]);
  assert.deepEqual(shardOf(names, undefined), names);
});
