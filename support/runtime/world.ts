import { World, setWorldConstructor, type IWorldOptions } from '@cucumber/cucumber';
import type { ServiceManifest } from '../configuration/manifest';
import type { Installation } from '../host/package-installer';
import type { Readiness } from '../host/service-readiness';
import type { StartedWazoHost } from '../host/started-wazo-host';
import type { Polled } from '../probes/poll';
import { asRunParameters, type RunParameters } from './run-parameters';

/** Per-scenario state: the service under test and the host the scenario runs on. */
export class HarnessWorld extends World<RunParameters> {
  readonly manifest: ServiceManifest;
  host?: StartedWazoHost;
  installation?: Installation;
  /** Waits (once per host) until the service is ready; set with the host. */
  readiness?: () => Promise<Polled<Readiness>>;
  /** A host of this scenario's own, removed after it. */
  ownsHost = false;

  constructor(options: IWorldOptions<RunParameters>) {
    super({ ...options, parameters: asRunParameters(options.parameters) });
    this.manifest = this.parameters.manifest;
  }

  /** The scenario's host; a step that needs one before a Given provided it is a feature bug. */
  get currentHost(): StartedWazoHost {
    if (!this.host) throw new Error('no host yet: the scenario needs a Given step that provides a Wazo host');
    return this.host;
  }
}

setWorldConstructor(HarnessWorld);
