import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { HarnessError } from '../errors';
import { closestNames, ServiceCatalog } from './service-catalog';

test('closestNames suggests near misses, nearest first, and nothing for unrelated names', () => {
  assert.deepEqual(closestNames('wazo-fo', ['wazo-foo', 'wazo-bar', 'wazo-fooo']), ['wazo-foo', 'wazo-fooo']);
  assert.deepEqual(closestNames('nope', ['wazo-foo']), []);
});

test('an unknown service is a usage error that lists the known ones and suggests the closest', () => {
  const catalog = new ServiceCatalog(join(__dirname, '..', '..', 'services'));
  assert.throws(
    () => catalog.manifestFile('wazo-fooo'),
    (error: unknown) =>
      error instanceof HarnessError && error.kind === 'usage' && /unknown service "wazo-fooo"/.test(error.message) && /did you mean wazo-foo/.test(error.message),
  );
});
