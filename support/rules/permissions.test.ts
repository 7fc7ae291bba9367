import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decisiveJournalLines, journalLogVerdict } from './permissions';

test("a hardened unit's start failure: the status and systemd's reason are the decisive lines", () => {
  const journal = [
    'Nov 30 12:00:00 host systemd[1]: Starting wazo-foo.service - wazo-foo daemon...',
    'Nov 30 12:00:00 host (wazo-foo)[99]: wazo-foo.service: Failed to set up user namespacing: No such file or directory',
    'Nov 30 12:00:00 host systemd[1]: wazo-foo.service: Main process exited, code=exited, status=217/USER',
    'Nov 30 12:00:00 host systemd[1]: wazo-foo.service: Failed with result \'exit-code\'.',
    'Nov 30 12:00:00 host systemd[1]: Failed to start wazo-foo.service - wazo-foo daemon.',
  ].join('\n');
  const lines = decisiveJournalLines(journal);
  assert.equal(lines.length, 4);
  assert.match(lines[0], /Failed to set up user namespacing/);
  assert.match(lines[1], /status=217\/USER/);
});

test('a journal that says nothing decisive gives no line, and at most count lines are kept', () => {
  assert.deepEqual(decisiveJournalLines('Started wazo-foo.service.\nlistening on 9504'), []);
  assert.equal(decisiveJournalLines(Array.from({ length: 9 }, (_, i) => `error ${i}`).join('\n'), 3).length, 3);
});

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
