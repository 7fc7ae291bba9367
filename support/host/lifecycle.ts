// Actions that change a host the way an administrator or Wazo's tools do. They return the
// evidence of what they ran; the steps judge the outcome with probes.
import { basename } from 'node:path';
import type { ServiceManifest } from '../configuration/manifest';
import { BatchShell } from '../probes/batch-shell';
import { commandLine, type Evidence } from '../probes/evidence';
import { INSTALLED_ONLY_CONFIG, installedSuffice, simulation } from './apt-view';
import { PACKAGE_DIR } from './package-installer';
import type { StartedWazoHost } from './started-wazo-host';

/** Where the wazo-upgrade stand-in takes the new packages from (the real tool: the mirror). */
export const UPGRADE_DEBS_DIR = '/var/cache/wazo-upgrade';

/** The packages wazo-upgrade installs: every .deb of UPGRADE_DEBS_DIR, as the stand-in lists them. */
const UPGRADE_DEBS = `$(find ${UPGRADE_DEBS_DIR} -maxdepth 1 -name '*.deb' | LC_ALL=C sort)`;

/**
 * `wazo-upgrade -f` with the new package (`name`, from `debFile`) offered as the upgrade. Its
 * apt-get sees the installed packages alone (APT_CONFIG, ./apt-view.ts) when they suffice: the
 * simulated plan there upgrades the package and nothing else, and the package recommends
 * nothing (wazo-upgrade installs recommendations, which only the archives hold).
 */
export async function wazoUpgrade(host: StartedWazoHost, debFile: string, name: string): Promise<Evidence> {
  const target = `${UPGRADE_DEBS_DIR}/${basename(debFile)}`;
  await host.copyFile(debFile, target);
  const config = `${PACKAGE_DIR}/apt-installed-only.conf`;
  const [written, recommends, plan] = await new BatchShell(host).runAll([
    { command: ['sh', '-c', 'mkdir -p "${2%/*}" && printf %s "$1" > "$2"', 'sh', INSTALLED_ONLY_CONFIG, config] },
    { command: ['dpkg-deb', '--field', target, 'Recommends'] },
    { command: ['sh', '-c', `${commandLine(simulation(['install']))} ${UPGRADE_DEBS}`] },
  ]);
  const installedOnly = written.exitCode === 0 && recommends.exitCode === 0 && recommends.stdout.trim() === '' && installedSuffice(plan, name);
  return host.run([...(installedOnly ? ['env', `APT_CONFIG=${config}`] : []), 'wazo-upgrade', '-f']);
}

/** SIGKILL to a process; `killedAt` is the host's time just before, to the millisecond. */
export async function killProcess(host: StartedWazoHost, pid: number): Promise<{ evidence: Evidence; killedAt: Date }> {
  const evidence = await host.sh(`date +%s.%3N && kill -9 ${pid}`);
  return { evidence, killedAt: new Date(Number(evidence.stdout.trim().split('\n')[0]) * 1000 || 0) };
}

/** A slave of a master/slave pair: its Wazo services disabled (/var/lib/wazo/disabled) and restarted that way. */
export async function makeSlave(host: StartedWazoHost): Promise<Evidence[]> {
  return [await host.run(['wazo-service', 'disable']), await host.run(['wazo-service', 'restart'])];
}

/** The host enabled again (a slave promoted, or back in service): wazo-service enable, then start. */
export async function enableHost(host: StartedWazoHost): Promise<Evidence[]> {
  return [await host.run(['wazo-service', 'enable']), await host.run(['wazo-service', 'start'])];
}

/** An administrator's own setting in the service's drop-in directory: it must survive upgrades. */
export function adminSettingFile(manifest: ServiceManifest): { dir: string; path: string; content: string } {
  const dir = `${manifest.configDir}/conf.d`;
  return { dir, path: `${dir}/90-administrator.yml`, content: '# added by the administrator of this host\ndebug: false\n' };
}
