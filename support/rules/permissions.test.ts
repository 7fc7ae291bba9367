import assert from 'node:assert/strict';
import { test } from 'node:test';
import { journalLogVerdict, readsDefaultConsulConfig } from './permissions';

const systemd = { uid: 0, pid: 1, command: 'systemd', message: 'Started wazo-jay.service' };
const daemon = { uid: 101, pid: 4242, command: 'wazo-jay', message: '[4242] (INFO) (wazo-jay): running (no REST API)' };

test('logFile: journal: an entry written as the service user passes item 4', () => {
  const verdict = journalLogVerdict([systemd, daemon, daemon], 101);
  assert.equal(verdict.written, true);
  assert.equal(verdict.own.length, 2);
  assert.equal(verdict.found, '3 entries since the boot: 1 as uid 0 (systemd), 2 as uid 101 (wazo-jay)');
});

test('logFile: journal: entries from root only (systemd, a daemon that never dropped its privileges) fail it', () => {
  const asRoot = { ...daemon, uid: 0 };
  const verdict = journalLogVerdict([systemd, asRoot], 101);
  assert.equal(verdict.written, false);
  assert.equal(verdict.found, '2 entries since the boot: 2 as uid 0 (systemd, wazo-jay)');
  assert.deepEqual(journalLogVerdict([], 101), { written: false, own: [], found: 'no entry of the unit in the journal since the boot' });
  assert.equal(journalLogVerdict([{ message: 'x' }], 101).found, '1 entry since the boot: 1 as an unrecorded uid');
});

test('item 6: the consul group, and only it, gives the default consul config', () => {
  assert.equal(readsDefaultConsulConfig(['wazo-foo', 'consul']), true);
  assert.equal(readsDefaultConsulConfig(['wazo-foo', 'consul-template']), false);
  assert.equal(readsDefaultConsulConfig([]), false);
});
