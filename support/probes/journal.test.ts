import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseJournalJson } from './journal';

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
