// Needs the Docker Engine and the base image (a self-test, not a spec beside the code): a
// failing image step is an environment error that shows the failing step's own output.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Docker from 'dockerode';
import { HarnessError } from '../support/errors';
import { resolveBaseImage } from '../support/images/base-image';
import { ensureHostImage } from '../support/images/host-image';
import { PATHS } from '../support/paths';

const docker = new Docker();
const recipe = mkdtempSync(join(tmpdir(), 'recipe-test-'));
after(() => rmSync(recipe, { recursive: true, force: true }));
const quiet = { step: () => undefined, detail: () => undefined };

test('a failing Dockerfile step is reported with its output', async () => {
  const base = await resolveBaseImage(docker, 'trixie', PATHS.recipes.base, quiet);
  writeFileSync(join(recipe, 'Dockerfile'), 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nRUN echo "preparing the host" && echo "no such package: wazo-nope" >&2 && exit 3\n');
  await assert.rejects(ensureHostImage(docker, base, 'test', recipe, quiet), (error: unknown) => {
    assert.ok(error instanceof HarnessError && error.kind === 'environment');
    assert.match(error.message, /building the host image wazo-harness\/host:test-\w+ failed: .*returned a non-zero code: 3/);
    assert.match(error.message, /last output of the failing step ---\n[\s\S]*no such package: wazo-nope/);
    return true;
  });
});
