import { EnvironmentLimit } from '../checks/check';
import type { ServiceManifest } from '../configuration/manifest';
import { registerHostSecrets } from '../host/host-apis';
import { installPackage, type Installation } from '../host/package-installer';
import { waitUntilReady, type Readiness } from '../host/service-readiness';
import type { Polled } from '../probes/poll';
import type { StartedWazoHost } from '../host/started-wazo-host';
import { WazoHostContainer } from '../host/wazo-host-container';
import type { RunParameters } from './run-parameters';
import { TIMEOUTS } from './timeouts';

/** Cucumber's parallel workers each have a pool: the worker id keeps their host names apart. */
const WORKER = `w${process.env.CUCUMBER_WORKER_ID ?? '0'}`;

export interface InstalledHost {
  host: StartedWazoHost;
  installation: Installation;
  /**
   * Waits until the service is ready on this host. On the shared host it is waited for once
   * and the scenarios sharing it reuse the answer; a scenario's own host changes (upgrades,
   * reboots), so there each call waits anew.
   */
  readiness: () => Promise<Polled<Readiness>>;
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
    const container = new WazoHostContainer(hostImage, cgroupVersion).withRun(run, `${role}-${WORKER}-${++this.booted}`).withStartupTimeout(TIMEOUTS.boot);
    const host = await (keep ? container.withKeep() : container).start().catch((error: unknown) => {
      // A host that does not boot is the engine's or the image's problem, never the package's.
      throw new EnvironmentLimit({
        expected: `a Wazo host (${hostImage}) to boot to systemd "running" within ${TIMEOUTS.boot / 1000} s`,
        found: error instanceof Error ? error.message.split('\n')[0] : String(error),
        evidence: [],
      });
    });
    this.live.add(host);
    await registerHostSecrets(host);
    return host;
  }

  private async bootInstalled(role: string, debFile: string, manifest: ServiceManifest, shared: boolean): Promise<InstalledHost> {
    const host = await this.boot(role);
    const installation = await installPackage(host, debFile);
    const wait = () => waitUntilReady(host, manifest, TIMEOUTS.serviceReady);
    let once: Promise<Polled<Readiness>> | undefined;
    return { host, installation, readiness: shared ? () => (once ??= wait()) : wait };
  }

  /** The shared host with the manifest's package installed (whatever apt answered). */
  installed(manifest: ServiceManifest): Promise<InstalledHost> {
    this.installedHost ??= this.bootInstalled('installed', manifest.package.file, manifest, true);
    return this.installedHost;
  }

  /** A new host with one package file of the service installed (e.g. its previous version), for a scenario that changes it. */
  freshInstalled(role: string, debFile: string, manifest: ServiceManifest): Promise<InstalledHost> {
    return this.bootInstalled(role, debFile, manifest, false);
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
