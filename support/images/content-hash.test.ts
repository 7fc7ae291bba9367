import assert from 'node:assert/strict';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { contentHash } from './content-hash';
import { isImageInput } from './host-image';
import { scratchDir } from '../../test/scratch-dir';

const dir = scratchDir('hash-test-');

test('the hash changes with a file content, an executable bit or an extra input, and only then', () => {
  writeFileSync(join(dir, 'Dockerfile'), 'FROM x\n');
  const first = contentHash([dir], ['base-1']);
  assert.equal(contentHash([dir], ['base-1']), first);
  assert.notEqual(contentHash([dir], ['base-2']), first);
  writeFileSync(join(dir, 'Dockerfile'), 'FROM y\n');
  const second = contentHash([dir], ['base-1']);
  assert.notEqual(second, first);
  chmodSync(join(dir, 'Dockerfile'), 0o755);
  assert.notEqual(contentHash([dir], ['base-1']), second);
});

test("a recipe's README is no input of its image: editing it changes no tag", () => {
  writeFileSync(join(dir, 'README.md'), 'what the image holds\n');
  const tag = contentHash([dir], [], isImageInput);
  writeFileSync(join(dir, 'README.md'), 'what the image holds, said better\n');
  assert.equal(contentHash([dir], [], isImageInput), tag);
  rmSync(join(dir, 'README.md'));
});
