import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isStopped, startPosition, statusLineOf, wazoServiceNames } from './wazo-service';

const names = wazoServiceNames({ name: 'wazo-foo', unit: 'wazo-foo.service' });

test('wazo-service may name the service by its name or its unit, with or without .service', () => {
  assert.deepEqual(names, ['wazo-foo', 'wazo-foo.service', 'wazo-foo']);
  assert.deepEqual(statusLineOf([{ state: 'running', name: 'nginx' }, { state: 'stopped', name: 'wazo-foo.service' }], names), { state: 'stopped', name: 'wazo-foo.service' });
  assert.equal(statusLineOf([{ state: 'running', name: 'wazo-foobar' }], names), undefined);
});

test('the service must start after consul and nginx', () => {
  assert.deepEqual(startPosition(['consul', 'nginx', 'wazo-foo'], names), { position: 2, hostServicesAfter: [] });
  assert.deepEqual(startPosition(['consul', 'wazo-foo', 'nginx'], names), { position: 1, hostServicesAfter: ['nginx'] });
  assert.equal(startPosition(['consul', 'nginx'], names).position, -1);
});

test('stopped: inactive with no process left', () => {
  assert.equal(isStopped({ activeState: 'inactive' }, 0), true);
  assert.equal(isStopped({ activeState: 'inactive' }, 1), false);
  assert.equal(isStopped({ activeState: 'deactivating' }, 0), false);
});
