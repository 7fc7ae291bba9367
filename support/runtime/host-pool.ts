import type { ServiceManifest } from '../configuration/manifest';
import { installPackage, type Installation } from '../host/package-installer';
import type { StartedWazoHost } from '../host/started-wazo-host';
import { WazoHostContainer } from '../host/wazo-host-container';
import type { RunParameters } from './run-parameters';
import { TIMEOUTS } from './timeouts';

export interface InstalledHost {
  host: StartedWazoHost;
  installation: Installation;
}

/**
 * Hands hosts to scenarios. Scenarios that only read the installed state share one host
 * (booted and installed once per run); scenarios that change a host get a fresh one.
 */
export class HostPool {
  private installedHost?: Promise<InstalledHost>;
  private readonly live = new Set<StartedWazoHost>();
  private booted = 0;

  constructor(private readonly parameters: RunParameters) {}

  async boot(role: string): Promise<StartedWazoHost> {
    const { hostImage, cgroupVersion, run, keep } = this.parameters;
    const container = new WazoHostContainer(hostImage, cgroupVersion).withRun(run, `${role}-${++this.booted}`).withStartupTimeout(TIMEOUTS.boot);
    const host = await (keep ? container.withKeep() : container).start();
    this.live.add(host);
    return host;
  }

  /** The shared host with the manifest's package installed (whatever apt answered). */
  installed(manifest: ServiceManifest): Promise<InstalledHost> {
    this.installedHost ??= this.freshInstalled('installed', manifest.package.file);
    return this.installedHost;
  }

  /** A new host with one package file installed, for a scenario that changes its host. */
  async freshInstalled(role: string, debFile: string): Promise<InstalledHost> {
    const host = await this.boot(role);
    return { host, installation: await installPackage(host, debFile) };
  }

  async release(host: StartedWazoHost): Promise<void> {
    if (this.parameters.keep) return;
    this.live.delete(host);
    await host.remove();
  }

  /** Removes every host, or with --keep lists them with the command to enter each. */
  async closeAll(): Promise<string[]> {
    const hosts = [...this.live];
    this.live.clear();
    if (this.parameters.keep) return hosts.map((h) => h.name);
    await Promise.all(hosts.map((h) => h.remove()));
    return [];
  }
}
