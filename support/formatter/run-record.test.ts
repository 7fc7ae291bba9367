import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commandOf } from './run-record';

test('the command is recorded as one would type it again', () => {
  assert.equal(commandOf(['--service', 'wazo-foo', '--tags', '@user or @ports']), "npm run acceptance -- --service wazo-foo --tags '@user or @ports'");
});
