import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { keyFileName } from '../apt-repositories';
import { BatchShell } from '../probes/batch-shell';
import type { Evidence } from '../probes/evidence';
import type { StartedWazoHost } from './started-wazo-host';

/** Where packages are copied in the host: not /tmp, which systemd hides under a tmpfs at boot. */
export const PACKAGE_DIR = '/var/cache/wazo-acceptance';

export interface Installation {
  /** The package's own Package and Version fields, read with dpkg-deb in the host. */
  control: Evidence;
  apt: Evidence;
}

/** Where installPackage puts a .deb in the host (later checks read it there). */
export function packagePathInHost(debFile: string): string {
  return `${PACKAGE_DIR}/${basename(debFile)}`;
}

/**
 * apt's options for a view of the installed packages and the file alone: no archive lists, no
 * cache written (the host's own cache stays the one its sources give). Loading Debian's 68 829
 * packages costs apt 1.4 CPU-s per install (measured 2026-12-07), when the host's image already
 * holds every dependency (its dependency layer, support/images/dependency-layer.ts).
 */
const INSTALLED_ONLY = ['-o', 'Dir::Etc::SourceList=/dev/null', '-o', 'Dir::Etc::SourceParts=/dev/null', '-o', 'Dir::Cache::pkgcache=', '-o', 'Dir::Cache::srcpkgcache='];

/**
 * Whether apt's simulated plan (`apt-get --simulate install`) installs the package `name` and
 * nothing else, removes nothing: then every dependency is installed and breaks nothing, and
 * apt with Debian's archives in view would do exactly the same.
 */
export function installsOnly(plan: string, name: string): boolean {
  const actions = plan.split('\n').filter((line) => /^(Inst|Remv|Purg) /.test(line));
  return actions.length === 1 && actions[0].split(' ')[1] === name;
}

/**
 * Installs a .deb the way an administrator would: apt resolves its dependencies from the
 * host's sources. When apt's plan with the installed packages alone is this file and nothing
 * else, the install leaves the archives out of apt's view (INSTALLED_ONLY); the result is the
 * same, the command line in the evidence says which view apt had.
 */
export async function installPackage(host: StartedWazoHost, debFile: string): Promise<Installation> {
  const target = packagePathInHost(debFile);
  await host.copyFile(debFile, target);
  const [control, plan] = await new BatchShell(host).runAll([
    { command: ['dpkg-deb', '--showformat=${Package} ${Version}\\n', '--show', target] },
    { command: ['apt-get', ...INSTALLED_ONLY, '--simulate', '-q', 'install', '--no-install-recommends', target] },
  ]);
  const name = control.stdout.split(' ')[0];
  const view = plan.exitCode === 0 && control.exitCode === 0 && installsOnly(plan.stdout, name) ? INSTALLED_ONLY : [];
  const apt = await host.run(['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...view, 'install', '-y', '-q', '--no-install-recommends', target]);
  return { control, apt };
}

/** Copies the manifest's `signedBy` key into the host, named as apt reads it (.asc armored, .gpg binary); returns its path there. */
export async function repositoriesKeyInHost(host: StartedWazoHost, signedBy: string): Promise<string> {
  const target = `${PACKAGE_DIR}/keys/${keyFileName(readFileSync(signedBy))}`;
  await host.copyFile(signedBy, target);
  return target;
}

/** `apt-get purge` of a package, as an administrator removes it with its configuration. */
export function purgePackage(host: StartedWazoHost, name: string): Promise<Evidence> {
  return host.run(['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'purge', '-y', '-q', name]);
}
