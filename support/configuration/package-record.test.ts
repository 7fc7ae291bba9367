import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { packageRecord } from './package-record';

const dir = mkdtempSync(join(tmpdir(), 'package-record-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('the package is named by its file name and sha256, never by a path', () => {
  const file = join(dir, 'wazo-foo_1.1.0_all.deb');
  writeFileSync(file, 'not really a package');
  const record = packageRecord(file, '1.1.0');
  assert.equal(record.file, 'wazo-foo_1.1.0_all.deb');
  assert.equal(record.sha256, createHash('sha256').update('not really a package').digest('hex'));
  assert.match(record.version, /^1\.1\.0 \(the manifest's/, 'a file dpkg-deb cannot read keeps the declared version, saying so');
});
