// Actions that change a host the way an administrator or Wazo's tools do. They return the
// evidence of what they ran; the steps judge the outcome with probes.
import { basename } from 'node:path';
import type { ServiceManifest } from '../configuration/manifest';
import type { Evidence } from '../probes/evidence';
import type { StartedWazoHost } from './started-wazo-host';

/** Where the wazo-upgrade stand-in takes the new packages from (the real tool: the mirror). */
export const UPGRADE_DEBS_DIR = '/var/cache/wazo-upgrade';

/** `wazo-upgrade -f` with the new package offered as the upgrade. */
export async function wazoUpgrade(host: StartedWazoHost, debFile: string): Promise<Evidence> {
  await host.copyFile(debFile, `${UPGRADE_DEBS_DIR}/${basename(debFile)}`);
  return host.run(['wazo-upgrade', '-f']);
}

/** SIGKILL to a process; the value is the host's time (epoch seconds) just before. */
export async function killProcess(host: StartedWazoHost, pid: number): Promise<{ evidence: Evidence; sinceEpochSeconds: number }> {
  const evidence = await host.sh(`date +%s && kill -9 ${pid}`);
  return { evidence, sinceEpochSeconds: Number(evidence.stdout.trim().split('\n')[0]) || 0 };
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
