import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type Docker from 'dockerode';
import { localBaseImageTag } from './base-image';
import { imageCacheKey, presentHarnessImages } from './harness-images';
import { hostImageTag } from './host-image';
import { scratchDir } from '../../test/scratch-dir';

const dir = scratchDir('harness-images-');
const recipes = { base: join(dir, 'base'), host: join(dir, 'host') };
mkdirSync(recipes.base);
mkdirSync(recipes.host);
writeFileSync(join(recipes.base, 'debootstrap-packages'), 'systemd\n');
writeFileSync(join(recipes.host, 'Dockerfile'), 'ARG BASE_IMAGE\nFROM $BASE_IMAGE\n');

/** An engine that has exactly these images (name -> id); the lookup only inspects. */
function engineWith(images: Record<string, string>): Docker {
  const getImage = (name: string) => ({
    inspect: async () => {
      if (!(name in images)) throw new Error(`no such image: ${name}`);
      return { Id: images[name] };
    },
  });
  return { getImage } as unknown as Docker;
}

test('the images a run would use are listed by the tags the run looks them up by', async () => {
  const local = localBaseImageTag('trixie', recipes.base);
  const host = await hostImageTag(engineWith({ [local]: 'sha256:b1' }), local, 'trixie', recipes.host);
  assert.deepEqual(await presentHarnessImages(engineWith({ [local]: 'sha256:b1', [host]: 'sha256:h1' }), 'trixie', recipes), [local, host]);
  // A host image of another base (another id) is not this checkout's.
  assert.deepEqual(await presentHarnessImages(engineWith({ [local]: 'sha256:b2', [host]: 'sha256:h1' }), 'trixie', recipes), [local]);
  assert.deepEqual(await presentHarnessImages(engineWith({}), 'trixie', recipes), []);
});

test("an official debian image wins over a debootstrapped one, as in resolveBaseImage", async () => {
  const local = localBaseImageTag('trixie', recipes.base);
  assert.deepEqual(await presentHarnessImages(engineWith({ 'debian:trixie': 'sha256:o', [local]: 'sha256:b1' }), 'trixie', recipes), ['debian:trixie']);
});

test('the cache key changes with either recipe and the suite, and only then', () => {
  const key = imageCacheKey('trixie', recipes);
  assert.match(key, /^wazo-harness-images-trixie-[0-9a-f]{12}$/);
  assert.equal(imageCacheKey('trixie', recipes), key);
  assert.notEqual(imageCacheKey('bookworm', recipes), key);
  writeFileSync(join(recipes.host, 'Dockerfile'), 'ARG BASE_IMAGE\nFROM $BASE_IMAGE\nRUN true\n');
  assert.notEqual(imageCacheKey('trixie', recipes), key);
});
