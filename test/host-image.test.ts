// Needs the Docker Engine and the base image (a self-test, not a spec beside the code): a
// failing image step is an environment error that shows the failing step's own output.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Docker from 'dockerode';
import { runOneShot } from '../support/docker/one-shot';
import { newRunIdentity } from '../support/docker/run-labels';
import { HarnessError } from '../support/errors';
import { listFiles } from '../support/images/content-hash';
import { ensureDependencyLayer } from '../support/images/dependency-layer';
import { resolveBaseImage } from '../support/images/base-image';
import { ensureHostImage } from '../support/images/host-image';
import { PATHS } from '../support/paths';
import { scratchDir } from './scratch-dir';

const docker = new Docker();
const recipe = scratchDir('recipe-test-');
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

const RECIPES = join(__dirname, '..', 'recipes');

async function realHostImage(): Promise<string> {
  const base = await resolveBaseImage(docker, 'trixie', join(RECIPES, 'base'), quiet);
  return ensureHostImage(docker, base, 'trixie', join(RECIPES, 'host'), quiet);
}

/** Runs a shell command in a throwaway, networkless container of `image`; its stdout. */
async function inImage(image: string, script: string): Promise<string> {
  const { exitCode, output } = await runOneShot(docker, newRunIdentity(), { image, command: ['sh', '-c', script], binds: [] });
  assert.equal(exitCode, 0, output);
  return output.replace(/\r/g, '');
}

/** The package names an example's control file depends on (alternatives and versions dropped). */
function exampleDependencies(): Set<string> {
  const names = new Set<string>();
  for (const file of listFiles(join(__dirname, '..', 'examples')).filter((f) => f.endsWith('control.in'))) {
    const depends = /^(?:Pre-)?Depends: (.+)$/m.exec(readFileSync(join(__dirname, '..', 'examples', file), 'utf8'))?.[1] ?? '';
    for (const item of depends.split(/[,|]/)) names.add(item.trim().split(/[\s(:]/)[0]);
  }
  return names;
}

// What a Wazo host has anyway, though an example depends on it too: each with why.
const HOST_OWN = new Map([
  ['adduser', 'pulled by the host\'s own apt, dbus and consul'],
  ['consul', 'the Wazo host\'s service discovery (depends-not-in-debian depends on it on purpose)'],
]);

test("the host image has none of the examples' dependencies, but what a Wazo host has anyway", async () => {
  const image = await realHostImage();
  const wanted = [...exampleDependencies()];
  assert.ok(wanted.includes('python3') && wanted.includes('python3-yaml'), wanted.join(' '));
  const installed = (await inImage(image, `dpkg-query -W -f '\${db:Status-Abbrev} \${Package}\\n' ${wanted.join(' ')} 2>/dev/null | awk '$1 == "ii" { print $2 }'`)).split(/\s+/).filter(Boolean);
  assert.deepEqual(installed.filter((name) => !HOST_OWN.has(name)), [], `installed in ${image}`);
});

test('a dependency layer: built once per dependency set, recording what it satisfied; an unsatisfiable set leaves the host image', async () => {
  const host = await realHostImage();
  const recipe = join(RECIPES, 'dependencies');
  // Already on the host: nothing new to install, so no network is needed.
  const layer = await ensureDependencyLayer(docker, host, recipe, ['nginx, consul'], quiet);
  try {
    assert.match(layer.image, /^wazo-harness\/host-deps:/);
    assert.equal(layer.unsatisfiable, undefined);
    assert.equal((await inImage(layer.image, 'cat /usr/share/wazo-host/dependency-layer.satisfies /usr/share/wazo-host/dependency-layer.installed')).trim(), 'nginx, consul');
    assert.deepEqual(await ensureDependencyLayer(docker, host, recipe, ['nginx, consul'], quiet), layer, 'found by its tag the second time');
  } finally {
    await docker.getImage(layer.image).remove().catch(() => undefined);
  }
  const none = await ensureDependencyLayer(docker, host, recipe, ['wazo-nope-no-such-package (>= 1)'], quiet);
  assert.equal(none.image, host);
  assert.match(none.unsatisfiable ?? '', /Unable to locate package wazo-nope-no-such-package|wazo-nope-no-such-package/);
  assert.deepEqual(await ensureDependencyLayer(docker, host, recipe, [], quiet), { image: host }, 'a package without dependencies boots from the host image');
});
