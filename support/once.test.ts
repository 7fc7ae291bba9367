import assert from 'node:assert/strict';
import { test } from 'node:test';
import { once } from './once';

test('makes the value on the first call only, and not before', () => {
  let made = 0;
  const value = once(() => ++made);
  assert.equal(made, 0);
  assert.equal(value(), 1);
  assert.equal(value(), 1);
  assert.equal(made, 1);
});
