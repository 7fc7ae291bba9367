import { EnvironmentLimit } from '../checks/check';
import type { ServiceManifest } from '../configuration/manifest';
import { registerHostSecrets } from '../host/host-apis';
import { installPackage, type Installation } from '../host/package-installer';
import type { Readiness } from '../host/service-readiness';
import type { Polled } from '../probes/poll';
import type { StartedWazoHost } from '../host/started-wazo-host';
import { WazoHostContainer } from '../host/wazo-host-container';
import { keepsHost, type WorkerParameters } from './run-parameters';
import { serviceWaits } from './service-waits';
import { giveBack, unitsLeftDown, type SharedHostEnding } from './shared-host-fitness';
import { handoffOfError, installationOf, SharedHostHandoff } from './shared-host-handoff';
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

/** The shared host's role: one per run, named without a worker (every worker attaches to it). */
const SHARED_ROLE = 'installed';

/**
 * Hands hosts to scenarios. Scenarios that only read the installed state share one host
 * (booted and installed once per run, whatever the number of workers), and so do the few that
 * change only the service, after them (./shared-host-schedule.ts); scenarios that change the
 * host get a fresh one.
 */
export class HostPool {
  private installedHost?: Promise<InstalledHost>;
  private readonly live = new Set<StartedWazoHost>();
  private booted = 0;

  constructor(private readonly parameters: WorkerParameters) {}

  /** A new host of the package's own image (its dependencies in place), or of `image`. */
  async boot(role: string, image = this.parameters.hostImage): Promise<StartedWazoHost> {
    const host = await this.start(`${role}-${WORKER}-${++this.booted}`, image);
    this.live.add(host);
    return host;
  }

  /**
   * Starts a host, or with `reuse` attaches to the run's running host of that role (found by its
   * name, which the run's id and the role make).
   */
  private async start(role: string, hostImage: string, reuse = false): Promise<StartedWazoHost> {
    const { cgroupVersion, run, keep } = this.parameters;
    const bootMs = TIMEOUTS.boot;
    const container = new WazoHostContainer(hostImage, cgroupVersion, bootMs).withRun(run, role);
    // Labelled at creation (a label cannot be added later): the janitor of later runs leaves
    // such hosts to the user; the CLI removes them at the end of a run that keeps nothing.
    if (keep !== 'never') container.withKeep();
    if (reuse) container.withReuse();
    const host = await container.start().catch((error: unknown) => {
      // A host that does not boot is the engine's or the image's problem, never the package's.
      throw new EnvironmentLimit({
        expected: `a Wazo host (${hostImage}) to boot to systemd "running" within ${bootMs / 1000} s`,
        found: error instanceof Error ? error.message.split('\n')[0] : String(error),
        evidence: [],
      });
    });
    await registerHostSecrets(host);
    return host;
  }

  /** The shared host with the manifest's package installed (whatever apt answered). */
  installed(manifest: ServiceManifest): Promise<InstalledHost> {
    this.installedHost ??= this.sharedInstalled(manifest);
    return this.installedHost;
  }

  /** Booted and installed by the first worker that asks; the others attach once it says so. */
  private async sharedInstalled(manifest: ServiceManifest): Promise<InstalledHost> {
    const handoff = new SharedHostHandoff(this.parameters.handoffDir);
    let host: StartedWazoHost;
    let installation: Installation;
    if (handoff.claim()) {
      try {
        host = await this.start(SHARED_ROLE, this.parameters.hostImage, true);
        installation = await installPackage(host, manifest.package.file);
      } catch (error) {
        handoff.publish(handoffOfError(error));
        throw error;
      }
      handoff.publish({ installation });
    } else {
      installation = installationOf(await handoff.published(TIMEOUTS.boot + TIMEOUTS.step));
      host = await this.start(SHARED_ROLE, this.parameters.hostImage, true);
    }
    const ready = serviceWaits.ready(manifest);
    let once: Promise<Polled<Readiness>> | undefined;
    return { host, installation, readiness: () => (once ??= ready.waitUntilReady(host)) };
  }

  /**
   * The shared host for a scenario that runs after its readers (and changes the service), with
   * a readiness waited anew at each call: the scenario stops and starts the service. `unfit`,
   * and why, when the host is tainted or a platform unit is down after the last change
   * (./shared-host-fitness.ts): the scenario then takes a host of its own, so that its verdict
   * never depends on another scenario's.
   */
  async sharedAfterReaders(manifest: ServiceManifest): Promise<{ shared: InstalledHost } | { unfit: string }> {
    const handoff = new SharedHostHandoff(this.parameters.handoffDir);
    const tainted = handoff.tainted();
    if (tainted !== undefined) return { unfit: tainted };
    const shared = await this.installed(manifest);
    const unfit = await unitsLeftDown(handoff, shared.host);
    if (unfit !== undefined) return { unfit };
    const ready = serviceWaits.ready(manifest);
    return { shared: { ...shared, readiness: () => ready.waitUntilReady(shared.host) } };
  }

  /** The end of a scenario on the shared host (./shared-host-fitness.ts). */
  leaveShared(host: StartedWazoHost, ending: SharedHostEnding): Promise<void> {
    return giveBack(new SharedHostHandoff(this.parameters.handoffDir), host, ending);
  }

  /** A new host with one package file of the service installed (e.g. its previous version), for a scenario that changes it. */
  async freshInstalled(role: string, debFile: string, manifest: ServiceManifest): Promise<InstalledHost> {
    // The previous version's host has that version's dependencies, as a host it was installed on.
    const previous = debFile === manifest.package.previous?.file;
    const host = await this.boot(role, previous ? (this.parameters.previousHostImage ?? this.parameters.hostImage) : this.parameters.hostImage);
    const installation = await installPackage(host, debFile);
    const ready = serviceWaits.ready(manifest);
    return { host, installation, readiness: () => ready.waitUntilReady(host) };
  }

  /** The end of a scenario's own host: removed, unless --keep, or --keep-on-failure and the scenario failed. */
  async release(host: StartedWazoHost, failed: boolean): Promise<void> {
    const { keep } = this.parameters;
    this.live.delete(host);
    if (keepsHost(keep, failed)) return;
    await host.remove();
  }

  /**
   * Removes this worker's hosts that no scenario released, unless --keep. The shared host may
   * still serve another worker: the CLI removes it with the run's containers, or keeps it and
   * says how to enter it (support/api/kept-hosts.ts).
   */
  async closeAll(): Promise<void> {
    const hosts = [...this.live];
    this.live.clear();
    if (this.parameters.keep !== 'always') await Promise.all(hosts.map((h) => h.remove()));
  }
}
