import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { writeFileWhole } from './whole-file';

const scratch = mkdtempSync(join(tmpdir(), 'whole-file-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

test('a file is written whole, with its mode and its directory, and nothing is left aside', () => {
  const dir = join(scratch, 'whole');
  const file = join(dir, 'sub', 'entry.json');
  writeFileWhole(file, 'first');
  writeFileWhole(file, 'second', 0o600);
  assert.equal(readFileSync(file, 'utf8'), 'second');
  assert.equal(statSync(file).mode & 0o777, 0o600);
  assert.deepEqual(readdirSync(join(dir, 'sub')), ['entry.json']);
});

test('a write that fails throws and leaves nothing aside', () => {
  const dir = join(scratch, 'failing');
  mkdirSync(dir);
  writeFileSync(join(dir, 'a-file'), '');
  assert.throws(() => writeFileWhole(join(dir, 'a-file', 'entry.json'), 'x'));
  assert.deepEqual(readdirSync(dir), ['a-file']);
});
