// apt's view in real hosts (support/host/apt-view.ts): the install, the purge and wazo-upgrade
// see the installed packages alone only when the simulated plan there changes the package and
// nothing else; a package that needs, recommends or breaks another takes the host's sources
// and gets what apt does with them. The example packages need no other package than their
// dependency layer's, so only this file proves the second path: it builds variants of wazo-foo
// 1.1.0 that depend on or recommend Debian's `hello`, which no layer holds (apt downloads it
// from deb.debian.org, as on a real host).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Lab } from '../support/api';
import { runOneShot } from '../support/docker/one-shot';
import { INSTALLED_ONLY_OPTIONS } from '../support/host/apt-view';
import { wazoUpgrade } from '../support/host/lifecycle';
import { installPackage, purgePackage } from '../support/host/package-installer';
import type { StartedWazoHost } from '../support/host/started-wazo-host';
import { PATHS } from '../support/paths';
import { harnessLeftovers } from './harness';
import { withRunSlot } from './run-slots';

const GOOD = join(PATHS.exampleDebs, 'wazo-foo');
const PREVIOUS = join(GOOD, 'wazo-foo_1.0.0_all.deb');
const CURRENT = join(GOOD, 'wazo-foo_1.1.0_all.deb');
const INSTALLED_ONLY = INSTALLED_ONLY_OPTIONS.join(' ');

/** A lab, the image 1.0.0's hosts boot from, and the variants of 1.1.0 built in the base image. */
interface Fixture {
  lab: Lab;
  previousImage: string;
  variant: (name: 'depends' | 'recommends') => string;
}

async function prepare(lab: Lab, variants: string): Promise<Fixture> {
  // The good 1.1.0 with `hello` added to its Depends, or as its Recommends.
  const script = `set -e
for v in depends recommends; do
  rm -rf /tmp/x && dpkg-deb -R /good/wazo-foo_1.1.0_all.deb /tmp/x
  if [ $v = depends ]; then sed -i 's/^Depends: .*/&, hello/' /tmp/x/DEBIAN/control; else sed -i '/^Depends:/a Recommends: hello' /tmp/x/DEBIAN/control; fi
  mkdir -p /out/$v && dpkg-deb --root-owner-group -b /tmp/x /out/$v/wazo-foo_1.1.0_all.deb >/dev/null
done`;
  const built = await runOneShot(lab.engine.docker, lab.run, { image: lab.baseImage, command: ['sh', '-c', script], binds: [`${GOOD}:/good:ro`, `${variants}:/out`], asCaller: true });
  assert.equal(built.exitCode, 0, built.output);
  return { lab, previousImage: await lab.packageImage(PREVIOUS, 'wazo-foo.service'), variant: (name) => join(variants, name, 'wazo-foo_1.1.0_all.deb') };
}

async function installed(host: StartedWazoHost, name: string): Promise<string> {
  return (await host.run(['dpkg-query', '--show', '--showformat=${Version}', name])).stdout;
}

async function alone({ lab, previousImage }: Fixture): Promise<void> {
  const host = await lab.boot('installed-only', previousImage);
  const install = await installPackage(host, PREVIOUS);
  assert.equal(install.apt.exitCode, 0, install.apt.stdout);
  assert.ok(install.apt.command.includes(INSTALLED_ONLY), install.apt.command);
  const upgrade = await wazoUpgrade(host, CURRENT, 'wazo-foo');
  assert.equal(upgrade.exitCode, 0, upgrade.stdout);
  assert.match(upgrade.command, /^env APT_CONFIG=\S+ wazo-upgrade -f$/);
  assert.equal(await installed(host, 'wazo-foo'), '1.1.0');
  const purge = await purgePackage(host, 'wazo-foo');
  assert.equal(purge.exitCode, 0, purge.stdout);
  assert.ok(purge.command.includes(INSTALLED_ONLY), purge.command);
  assert.equal(await installed(host, 'wazo-foo'), '');
}

async function recommends({ lab, previousImage, variant }: Fixture): Promise<void> {
  const host = await lab.boot('recommends', previousImage);
  assert.equal((await installPackage(host, PREVIOUS)).apt.exitCode, 0);
  const upgrade = await wazoUpgrade(host, variant('recommends'), 'wazo-foo');
  assert.equal(upgrade.exitCode, 0, upgrade.stdout);
  assert.equal(upgrade.command, 'wazo-upgrade -f');
  assert.deepEqual([await installed(host, 'wazo-foo'), await installed(host, 'hello')].map(Boolean), [true, true]);
}

async function depends({ lab, previousImage, variant }: Fixture): Promise<void> {
  const host = await lab.boot('depends', previousImage);
  const install = await installPackage(host, variant('depends'));
  assert.equal(install.apt.exitCode, 0, install.apt.stdout);
  assert.ok(!install.apt.command.includes(INSTALLED_ONLY), install.apt.command);
  assert.notEqual(await installed(host, 'hello'), '');
  // Purging hello removes wazo-foo, which depends on it: a plan of two packages.
  const purge = await purgePackage(host, 'hello');
  assert.equal(purge.exitCode, 0, purge.stdout);
  assert.ok(!purge.command.includes(INSTALLED_ONLY), purge.command);
  assert.deepEqual([await installed(host, 'hello'), await installed(host, 'wazo-foo')], ['', '']);
}

// One run slot for the whole file (test/run-slots.ts): its hosts count against the self-tests' budget as a harness run's do.
test("apt's view in real hosts", (t) =>
  withRunSlot(async () => {
    const lab = await Lab.open();
    const variants = mkdtempSync(join(tmpdir(), 'apt-view-'));
    try {
      const fixture = await prepare(lab, variants);
      await t.test('the package alone: the install, wazo-upgrade and the purge see the installed packages alone, and do their work', () => alone(fixture));
      await t.test("a new version that recommends a package the host lacks: wazo-upgrade takes the host's sources and installs it", () => recommends(fixture));
      await t.test("a package that needs a package the host lacks, or a purge that removes another too: the host's sources, and apt's own answer", () => depends(fixture));
    } finally {
      await lab.close();
      rmSync(variants, { recursive: true, force: true });
    }
    assert.deepEqual(await harnessLeftovers(), []);
  }));
