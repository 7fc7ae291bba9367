import { World, setWorldConstructor, type IWorldOptions } from '@cucumber/cucumber';
import type { ServiceManifest } from '../configuration/manifest';
import type { StartedWazoHost } from '../host/started-wazo-host';
import { supervisorFor, type Supervisor } from '../host/supervisor';
import { asRunParameters, type RunParameters } from './run-parameters';
import { ScenarioState } from './scenario-state';
import { TIMEOUTS } from './timeouts';

/** Per-scenario state: the service under test, its supervisor, and what the steps left for each other. */
export class HarnessWorld extends World<RunParameters> {
  readonly manifest: ServiceManifest;
  /** Who restarts the service, chosen once from the manifest: the steps call it, never branch on it. */
  readonly supervisor: Supervisor;
  readonly state = new ScenarioState();

  constructor(options: IWorldOptions<RunParameters>) {
    super({ ...options, parameters: asRunParameters(options.parameters) });
    this.manifest = this.parameters.manifest;
    this.supervisor = supervisorFor(this.manifest, TIMEOUTS.monitCheck);
  }

  /** The scenario's host; a step that needs one before a Given provided it is a feature bug. */
  get currentHost(): StartedWazoHost {
    return this.state.get('host');
  }
}

setWorldConstructor(HarnessWorld);
