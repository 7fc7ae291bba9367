// Needs the Docker Engine and the base image (a self-test, not a spec beside the code): a run
// builds only the example packages its manifests name (the self-tests' preparation builds them
// all, so no example run takes this path).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Docker from 'dockerode';
import { removeRunResources } from '../support/docker/janitor';
import { newRunIdentity } from '../support/docker/run-labels';
import { resolveBaseImage } from '../support/images/base-image';
import { ensureExamplePackages } from '../support/images/example-packages';
import { PATHS } from '../support/paths';

test('a run builds only the examples it names, stamps each, drops the whole-tree stamp, and builds nothing once they are fresh', async () => {
  const docker = new Docker();
  const steps: string[] = [];
  const progress = { step: (message: string) => void steps.push(message), detail: () => undefined };
  const base = await resolveBaseImage(docker, 'trixie', PATHS.recipes.base, progress);
  const out = mkdtempSync(join(tmpdir(), 'example-debs-'));
  const run = newRunIdentity();
  try {
    // As if every example had been built from other sources: that stamp must not vouch for the tree any more.
    writeFileSync(join(out, '.stamp'), 'every example, from older sources');
    steps.length = 0;
    await ensureExamplePackages(docker, base, PATHS.examples, out, run, progress, ['wazo-foo', 'shapes/udp-ipv6', 'broken/no-such-example']);
    const debs = (readdirSync(out, { recursive: true }) as string[]).filter((f) => f.endsWith('.deb')).sort();
    assert.deepEqual(debs, ['shapes/udp-ipv6/wazo-echo_1.0.0_all.deb', 'shapes/udp-ipv6/wazo-echo_1.1.0_all.deb', 'wazo-foo/wazo-foo_1.0.0_all.deb', 'wazo-foo/wazo-foo_1.1.0_all.deb']);
    assert.deepEqual(steps, ['example packages: building wazo-foo, shapes/udp-ipv6, broken/no-such-example into build/debs']);
    assert.ok(existsSync(join(out, 'wazo-foo', '.stamp')) && existsSync(join(out, 'shapes', 'udp-ipv6', '.stamp')), 'each target built carries its stamp');
    assert.equal(existsSync(join(out, '.stamp')), false, 'the whole-tree stamp is dropped once the tree mixes builds');
    assert.equal(existsSync(join(out, 'broken')), false, 'a target build-debs.sh does not know builds nothing');
    steps.length = 0;
    await ensureExamplePackages(docker, base, PATHS.examples, out, run, progress, ['wazo-foo']);
    assert.deepEqual(steps, [], 'a fresh target is not built again');
  } finally {
    rmSync(out, { recursive: true, force: true });
    await removeRunResources(docker, { runId: run.id });
  }
});
