import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { keyFileName } from '../apt-repositories';
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

/** Installs a .deb the way an administrator would: apt resolves its dependencies from Debian. */
export async function installPackage(host: StartedWazoHost, debFile: string): Promise<Installation> {
  const target = packagePathInHost(debFile);
  await host.copyFile(debFile, target);
  const control = await host.run(['dpkg-deb', '--showformat=${Package} ${Version}\\n', '--show', target]);
  const apt = await host.run(['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '-q', '--no-install-recommends', target]);
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
