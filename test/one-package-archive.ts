// A one-package apt archive served on the engine's bridge address (reachable from containers
// and from this machine, not from outside it): the bench's piuparts installs "the archive's
// version" from it, and a self-test's manifest takes its previous version from it
// (package.previous.from: repositories).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export class OnePackageArchive {
  private constructor(
    private readonly server: Server,
    private readonly dir: string,
    /** The archive as a sources.list line, trusted (it is not signed). */
    readonly sourcesLine: string,
  ) {}

  /**
   * Serves `deb` as a flat archive. `port` 0 takes any free port; a fixed one keeps the sources
   * line, and what is keyed on it (a dependency layer's tag), the same from run to run, and
   * falls back to any port when it is taken.
   */
  static async serve(deb: string, port = 0): Promise<OnePackageArchive> {
    // Before anything is written: an engine without a bridge address leaves no directory behind.
    const address = bridgeAddress();
    const dir = mkdtempSync(join(tmpdir(), 'one-package-archive-'));
    const name = basename(deb);
    copyFileSync(deb, join(dir, name));
    const control = execFileSync('dpkg-deb', ['-f', deb], { encoding: 'utf8' }).trimEnd();
    const sha256 = createHash('sha256').update(readFileSync(deb)).digest('hex');
    writeFileSync(join(dir, 'Packages'), `${control}\nFilename: ./${name}\nSize: ${statSync(deb).size}\nSHA256: ${sha256}\n\n`);
    const files = new Set(['Packages', name]);
    const server = createServer((request, response) => {
      // apt asks for flat archives' files as /./NAME.
      const file = basename(new URL(request.url ?? '/', 'http://archive').pathname);
      if (!files.has(file)) return void response.writeHead(404).end();
      response.writeHead(200).end(readFileSync(join(dir, file)));
    });
    const listen = (on: number) =>
      new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(on, address, () => {
          server.off('error', reject);
          resolve();
        });
      });
    await listen(port)
      .catch((error: NodeJS.ErrnoException) => {
        if (port === 0 || error.code !== 'EADDRINUSE') throw error;
        return listen(0);
      })
      .catch((error: unknown) => {
        rmSync(dir, { recursive: true, force: true });
        throw error;
      });
    const { port: bound } = server.address() as AddressInfo;
    return new OnePackageArchive(server, dir, `deb [trusted=yes] http://${address}:${bound}/ ./`);
  }

  async close(): Promise<void> {
    await new Promise((resolve) => this.server.close(resolve));
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * The gateway address of the engine's default bridge. The engine reports it in IPAM (Docker 28),
 * or not at all (Debian's docker.io 20.10 lists the subnet alone): then it is the address of the
 * bridge's interface, which `ip` shows even while no container runs (os.networkInterfaces()
 * omits docker0 then: its link is down).
 */
function bridgeAddress(): string {
  const inspect = (format: string) => execFileSync('docker', ['network', 'inspect', 'bridge', '--format', format], { encoding: 'utf8' }).trim();
  const ipv4 = (text: string) => text.split(/[\s/]+/).find((a) => /^\d+\.\d+\.\d+\.\d+$/.test(a));
  const reported = ipv4(inspect('{{range .IPAM.Config}}{{.Gateway}} {{end}}'));
  if (reported) return reported;
  // A missing key prints as "<no value>": the default bridge's interface is then docker0.
  const option = inspect('{{index .Options "com.docker.network.bridge.name"}}');
  const name = /^[\w.-]+$/.test(option) ? option : 'docker0';
  const address = ipv4(execFileSync('ip', ['-4', '-o', 'addr', 'show', 'dev', name], { encoding: 'utf8' }).replace(/^.*?\binet\s+/, ''));
  if (!address) throw new Error(`the engine's bridge network reports no IPv4 gateway and its interface ${name} has no IPv4 address: the one-package archive is served on it`);
  return address;
}
