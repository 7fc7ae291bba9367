import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeShell } from '../../test/fake-shell';
import { journalSince, parseJournalJson, unitJournalEntries } from './journal';

test('parseJournalJson reads the writer of each entry, and a message given as bytes', () => {
  const stdout = [
    '{"__CURSOR":"s=1","_UID":"0","_PID":"1","_COMM":"systemd","MESSAGE":"Started wazo-jay.service"}',
    '{"__CURSOR":"s=2","_UID":"101","_PID":"4242","_COMM":"wazo-jay","MESSAGE":[104,105]}',
    '{"__CURSOR":"s=3","MESSAGE":"no writer"}',
    '-- No entries --',
  ].join('\n');
  assert.deepEqual(parseJournalJson(stdout), [
    { uid: 0, pid: 1, command: 'systemd', message: 'Started wazo-jay.service' },
    { uid: 101, pid: 4242, command: 'wazo-jay', message: 'hi' },
    { uid: undefined, pid: undefined, command: undefined, message: 'no writer' },
  ]);
});

test("a unit's entries since the host container's start, not --boot (a container shares the kernel's boot id)", async () => {
  const bootedAt = new Date('2026-12-07T17:30:07.505Z');
  assert.equal(journalSince(bootedAt), '--since=@1796664607.505');
  const line = '{"_UID":"101","_PID":"7","_COMM":"wazo-jay","MESSAGE":"ready"}';
  const shell = fakeShell({
    'journalctl --no-pager --since=@1796664607.505 --unit wazo-jay.service --lines=500 --output=json --output-fields=_UID,_PID,_COMM,MESSAGE': { stdout: `${line}\n` },
  });
  const { value } = await unitJournalEntries(shell, 'wazo-jay.service', bootedAt);
  assert.deepEqual(value, [{ uid: 101, pid: 7, command: 'wazo-jay', message: 'ready' }]);
});
