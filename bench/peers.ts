// The peers, driven as their users drive them: piuparts (install the previous version from an
// archive, upgrade to the .deb, purge, check leftovers) and testinfra (pytest, docker backend).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { runLabels, type RunIdentity } from '../support/docker/run-labels';
import { MIRROR } from '../support/debian-mirror';
import { describe, testinfraModule, type HostAssertion } from './assertions';
import { runCommand, tail, timed } from './timing';

export interface PeerRun {
  ms: number;
  ok: boolean;
  /** What the peer said, when it failed; pytest's own duration for testinfra. */
  detail: string;
}

/**
 * A one-package apt archive holding the previous version, served on the engine's bridge
 * address (reachable from containers, not from outside the machine): piuparts' upgrade test
 * installs "the archive's version" from it, then upgrades to the .deb under test.
 */
export class PreviousVersionArchive {
  private constructor(
    private readonly server: Server,
    private readonly dir: string,
    readonly sourcesLine: string,
  ) {}

  static async serve(previousDeb: string): Promise<PreviousVersionArchive> {
    const dir = mkdtempSync(join(tmpdir(), 'bench-archive-'));
    const name = basename(previousDeb);
    copyFileSync(previousDeb, join(dir, name));
    const control = execFileSync('dpkg-deb', ['-f', previousDeb], { encoding: 'utf8' }).trimEnd();
    const sha256 = createHash('sha256').update(readFileSync(previousDeb)).digest('hex');
    writeFileSync(join(dir, 'Packages'), `${control}\nFilename: ./${name}\nSize: ${statSync(previousDeb).size}\nSHA256: ${sha256}\n\n`);
    const files = new Set(['Packages', name]);
    const server = createServer((request, response) => {
      // apt asks for flat archives' files as /./NAME.
      const file = basename(new URL(request.url ?? '/', 'http://archive').pathname);
      if (!files.has(file)) return void response.writeHead(404).end();
      response.writeHead(200).end(readFileSync(join(dir, file)));
    });
    const address = bridgeAddress();
    await new Promise<void>((resolve) => server.listen(0, address, resolve));
    const { port } = server.address() as AddressInfo;
    return new PreviousVersionArchive(server, dir, `deb [trusted=yes] http://${address}:${port}/ ./`);
  }

  async close(): Promise<void> {
    await new Promise((resolve) => this.server.close(resolve));
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * The gateway address of the engine's default bridge, as the engine reports it: os.networkInterfaces()
 * omits docker0 while no container is running (the link is down, though the address is there).
 */
function bridgeAddress(): string {
  const address = execFileSync('docker', ['network', 'inspect', 'bridge', '--format', '{{range .IPAM.Config}}{{.Gateway}} {{end}}'], { encoding: 'utf8' })
    .split(/\s+/)
    .find((a) => /^\d+\.\d+\.\d+\.\d+$/.test(a));
  if (!address) throw new Error("the engine's bridge network has no IPv4 gateway: the bench serves the previous version to piuparts on it");
  return address;
}

/** The artefact of driving a trixie image with bookworm's piuparts (see results.md), ignored explicitly. */
export const PIUPARTS_IGNORED = '/var/cache/debconf/tmp.ci/';

export async function piupartsUpgrade(baseImage: string, currentDeb: string, archive: PreviousVersionArchive, run: RunIdentity): Promise<PeerRun> {
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
