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
 * apt's options for a view of the installed packages (and a file given) alone: no archive lists,
 * no cache written (the host's own cache stays the one its sources give). Loading Debian's
 * 68 829 packages costs apt 1.4 CPU-s per install (measured 2026-12-07), when the host's image
 * already holds every dependency (its dependency layer, support/images/dependency-layer.ts).
 */
const INSTALLED_ONLY = ['-o', 'Dir::Etc::SourceList=/dev/null', '-o', 'Dir::Etc::SourceParts=/dev/null', '-o', 'Dir::Cache::pkgcache=', '-o', 'Dir::Cache::srcpkgcache='];

/**
 * Whether apt's simulated plan (`apt-get --simulate`) installs, removes or purges the package
 * `name` and nothing else: then it needs no package it does not have and breaks none it has,
 * and apt with the archives in view would do exactly the same.
 */
export function changesOnly(plan: string, name: string): boolean {
  const actions = plan.split('\n').filter((line) => /^(Inst|Remv|Purg) /.test(line));
  return actions.length === 1 && actions[0].split(' ')[1] === name;
}

/** The simulation that decides apt's view for an apt-get action (`args`). */
const simulation = (args: string[]) => ['apt-get', ...INSTALLED_ONLY, '--simulate', '-q', ...args];

/**
 * apt-get `args` for real, as an administrator runs it, with the installed packages alone in
 * view when the simulated plan there (`plan`) changes `name` and nothing else (the result is
 * the same; the command line in the evidence says which view apt had), else the host's sources.
 */
function aptGet(host: StartedWazoHost, args: string[], plan: Evidence, name: string): Promise<Evidence> {
  const view = plan.exitCode === 0 && changesOnly(plan.stdout, name) ? INSTALLED_ONLY : [];
  return host.run(['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...view, '-y', '-q', ...args]);
}

/** Installs a .deb the way an administrator would: apt resolves its dependencies from the host's sources (see aptGet). */
export async function installPackage(host: StartedWazoHost, debFile: string): Promise<Installation> {
  const target = packagePathInHost(debFile);
  await host.copyFile(debFile, target);
  const install = ['install', '--no-install-recommends', target];
  const [control, plan] = await new BatchShell(host).runAll([
    { command: ['dpkg-deb', '--showformat=${Package} ${Version}\\n', '--show', target] },
    { command: simulation(install) },
  ]);
  const apt = await aptGet(host, install, plan, control.exitCode === 0 ? control.stdout.split(' ')[0] : '');
  return { control, apt };
}

/** Copies the manifest's `signedBy` key into the host, named as apt reads it (.asc armored, .gpg binary); returns its path there. */
export async function repositoriesKeyInHost(host: StartedWazoHost, signedBy: string): Promise<string> {
  const target = `${PACKAGE_DIR}/keys/${keyFileName(readFileSync(signedBy))}`;
  await host.copyFile(signedBy, target);
  return target;
}

/** `apt-get purge` of a package, as an administrator removes it with its configuration (see aptGet). */
export async function purgePackage(host: StartedWazoHost, name: string): Promise<Evidence> {
  const purge = ['purge', name];
  return aptGet(host, purge, await host.run(simulation(purge)), name);
}
