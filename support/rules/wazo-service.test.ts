import assert from 'node:assert/strict';
import { test } from 'node:test';
import { knowledge } from './real-tool-fixtures';
import { isStopped, realServiceNote, realServiceStanding, startPosition, statusLineOf, wazoServiceNames } from './wazo-service';

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

const DIR = '/etc/wazo-service/services.d';
const real = knowledge('wazo-service', [['all', 'consul'], ['default', 'wazo-auth'], ['wazo', 'wazo-chatd']], DIR, [
  { file: '50-wazo-foo', lines: [] },
  { file: '50-wazo-bar', lines: ['unit=bar', 'group = wazo'] },
  { file: '10-wazo-auth', lines: ['group=all'] },
]);
const SOURCE = 'wazo-platform/wazo-service bin/wazo-service at 01234567, version 1.0';

test('a service of the real list stands there, whatever a drop-in says', () => {
  assert.deepEqual(realServiceStanding(real, ['wazo-auth']), { kind: 'real-list', group: 'default' });
  assert.equal(realServiceNote({ kind: 'real-list', group: 'wazo' }, 'wazo-chatd', real), `wazo-chatd is in wazo_services of the real wazo-service (${SOURCE})`);
});

test('a service only in a drop-in: the note names the real list to add it to (its group=, default by default) and the drop-in', () => {
  const foo = realServiceStanding(real, wazoServiceNames({ name: 'wazo-foo', unit: 'wazo-foo.service' }));
  assert.deepEqual(foo, { kind: 'drop-in', group: 'default', file: '50-wazo-foo', beforeRealList: false });
  assert.equal(
    realServiceNote(foo, 'wazo-foo', real),
    `wazo-foo is not in the real wazo-service (${SOURCE}): add it to its default_services; the drop-in ${DIR}/50-wazo-foo emulates that change here`,
  );
  assert.deepEqual(realServiceStanding(real, ['wazo-bar']), { kind: 'drop-in', group: 'wazo', file: '50-wazo-bar', beforeRealList: false });
  assert.match(realServiceNote({ kind: 'drop-in', group: 'other', file: '50-x', beforeRealList: false }, 'x', real), /add it to its other \(not a list of the real tool\)/);
});

test('a drop-in numbered below 20 starts before the real list: the note says the real tool would need that too', () => {
  const early = knowledge('wazo-service', [['all', 'consul']], DIR, [{ file: '10-wazo-foo', lines: [] }]);
  const standing = realServiceStanding(early, ['wazo-foo']);
  assert.deepEqual(standing, { kind: 'drop-in', group: 'default', file: '10-wazo-foo', beforeRealList: true });
  assert.match(realServiceNote(standing, 'wazo-foo', early), /the drop-in \/etc\/wazo-service\/services\.d\/10-wazo-foo emulates that change here, and starts wazo-foo before all of the real list \(numbered below 20\)$/);
});

test('a service in neither: the note says so and what the real tool needs', () => {
  const absent = realServiceStanding(real, ['wazo-qux']);
  assert.deepEqual(absent, { kind: 'absent' });
  assert.equal(
    realServiceNote(absent, 'wazo-qux', real),
    `wazo-qux is not in the real wazo-service (${SOURCE}) and has no drop-in in ${DIR}/: it needs adding to the real tool's default_services (or wazo_services, to be stopped on a disabled host)`,
  );
});
