import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HarnessError } from '../errors';
import { closestNames, ServiceCatalog } from './service-catalog';
import { PATHS } from '../paths';

test('closestNames suggests near misses, nearest first, and nothing for unrelated names', () => {
  assert.deepEqual(closestNames('wazo-fo', ['wazo-foo', 'wazo-bar', 'wazo-fooo']), ['wazo-foo', 'wazo-fooo']);
  assert.deepEqual(closestNames('nope', ['wazo-foo']), []);
  // Insertion, deletion, substitution count 1, a transposition 2; at most 3 names (wazo-calld is 3 away).
  assert.deepEqual(closestNames('wazo-confd', ['wazo-cofnd', 'wazo-conf', 'wazo-confx', 'wazo-calld']), ['wazo-conf', 'wazo-confx', 'wazo-cofnd']);
  assert.deepEqual(closestNames('ab', ['ba', 'xyz']), ['ba'], 'a short name still gets a distance of 2');
});

test('an unknown service is a usage error that lists the known ones and suggests the closest', () => {
  const catalog = new ServiceCatalog(PATHS.services);
  assert.throws(
    () => catalog.manifestFile('wazo-fooo'),
    (error: unknown) =>
      error instanceof HarnessError && error.kind === 'usage' && /unknown service "wazo-fooo"/.test(error.message) && /did you mean wazo-foo/.test(error.message),
  );
});
