import type { ServiceManifest } from '../configuration/manifest';
import type { CgroupVersion } from '../docker/engine';
import type { RunIdentity } from '../docker/run-labels';
import type { PackageRecord } from '../configuration/package-record';
import type { PreviousRecord } from '../configuration/previous-package';

/** Which hosts outlive the run for the user to look into: none, those of a run that did not pass, all. */
export type KeepHosts = 'never' | 'on-failure' | 'always';

/** Whether a host outlives what it served (a scenario, or the whole run) that failed or not. */
export function keepsHost(keep: KeepHosts, failed: boolean): boolean {
  return keep === 'always' || (keep === 'on-failure' && failed);
}

/** What the CLI hands to the cucumber run (as world parameters: plain JSON). */
export interface RunParameters {
  manifest: ServiceManifest;
  /** The package checked, as the reports name it (its sha256 also keys the lintian cache). */
  package: PackageRecord;
  /** The previous version, resolved to a file before any host boots (support/configuration/previous-package.ts). */
  previous?: PreviousRecord;
  /** The image hosts boot from: the Wazo host with the package's dependencies from Debian (support/images/dependency-layer.ts). */
  hostImage: string;
  /** The same for the previous version's dependencies: the image its hosts boot from before an upgrade. */
  previousHostImage?: string;
  cgroupVersion: CgroupVersion;
  run: RunIdentity;
  keep: KeepHosts;
  /** --docs: the checkout of the documentation site the @docs scenarios read (absolute). */
  docs?: string;
}

/** What each cucumber worker receives: the CLI's parameters and the run's handoff directory (see SharedHostHandoff). */
export interface WorkerParameters extends RunParameters {
  handoffDir: string;
}

export function asRunParameters(parameters: unknown): WorkerParameters {
  const candidate = parameters as Partial<WorkerParameters>;
  if (!candidate?.manifest || !candidate.package || !candidate.hostImage || !candidate.run || !candidate.handoffDir) {
    throw new Error('the cucumber run was started without the harness parameters: run it with `npm run acceptance -- --service NAME`');
  }
  return candidate as WorkerParameters;
}
