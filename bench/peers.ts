// The peers, driven as their users drive them: piuparts (install the previous version from a
// one-package archive, test/one-package-archive.ts, upgrade to the .deb, purge, check leftovers)
// and testinfra (pytest, docker backend).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLabels, type RunIdentity } from '../support/docker/run-labels';
import type { OnePackageArchive } from '../test/one-package-archive';
import { MIRROR } from '../support/debian-mirror';
import { describe, testinfraModule, type HostAssertion } from './assertions';
import { runCommand, tail, timed } from './timing';

export interface PeerRun {
  ms: number;
  ok: boolean;
  /** What the peer said, when it failed; pytest's own duration for testinfra. */
  detail: string;
}

/** The artefact of driving a trixie image with bookworm's piuparts (see results.md), ignored explicitly. */
export const PIUPARTS_IGNORED = '/var/cache/debconf/tmp.ci/';

export async function piupartsUpgrade(baseImage: string, currentDeb: string, archive: OnePackageArchive, run: RunIdentity): Promise<PeerRun> {
  const labels = Object.entries(runLabels(run)).map(([key, value]) => `--label ${key}=${value}`).join(' ');
  const env = {
    ...process.env,
    PATH: `${join(__dirname, 'docker-label-shim')}:${process.env.PATH}`,
    BENCH_REAL_DOCKER: execFileSync('sh', ['-c', 'command -v docker'], { encoding: 'utf8' }).trim(),
    BENCH_DOCKER_LABELS: labels,
  };
  const args = [
    '--docker-image', baseImage, '-d', 'trixie', '-m', MIRROR,
    // Only the upgrade test: install the previous version (apt), upgrade to the .deb, purge, check.
    '--no-install-purge-test', '--extra-repo', archive.sourcesLine,
    '--ignore', PIUPARTS_IGNORED,
    currentDeb,
  ];
  const { ms, value } = await timed(() => runCommand('piuparts', args, { env, cwd: tmpdir() }));
  const ok = value.code === 0 && /PASS: Installation, upgrade and purging tests/.test(value.stdout);
  return { ms, ok, detail: ok ? '' : tail(value.stdout + value.stderr) };
}

export async function testinfraAssertions(container: string, assertions: HostAssertion[]): Promise<PeerRun & { passed: number; failed: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-testinfra-'));
  try {
    const file = join(dir, 'test_host.py');
    writeFileSync(file, testinfraModule(assertions));
    // Debian's interpreter: the python3 first in PATH may be another one, without testinfra.
    const args = ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', `--hosts=docker://${container}`, file];
    const { ms, value } = await timed(() => runCommand('/usr/bin/python3', args, { cwd: dir }));
    const passed = Number(/(\d+) passed/.exec(value.stdout)?.[1] ?? 0);
    const failed = [...value.stdout.matchAll(/FAILED \S+::test_(\d+)/g)].map(([, i]) => describe(assertions[Number(i)]));
    const pytestSeconds = /in ([\d.]+)s/.exec(value.stdout)?.[1];
    return { ms, ok: value.code === 0, passed, failed, detail: pytestSeconds ? `pytest: ${pytestSeconds} s` : tail(value.stdout + value.stderr) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
