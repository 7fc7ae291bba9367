import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { keyFileName } from '../apt-repositories';
import { BatchShell } from '../probes/batch-shell';
import { INSTALLED_ONLY_OPTIONS, installedSuffice, simulation } from './apt-view';
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

/** apt-get `args` for real, as an administrator runs it: with the installed packages alone in view when they suffice (see ./apt-view.ts), else the host's sources. */
function aptGet(host: StartedWazoHost, args: string[], plan: Evidence, name: string): Promise<Evidence> {
  const view = installedSuffice(plan, name) ? INSTALLED_ONLY_OPTIONS : [];
  return host.run(['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...view, '-y', '-q', ...args]);
}

/** Installs a .deb the way an administrator would: apt resolves its dependencies (see aptGet). */
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
