import { World, setWorldConstructor, type IWorldOptions } from '@cucumber/cucumber';
import type { ServiceManifest } from '../configuration/manifest';
import type { Installation } from '../host/package-installer';
import type { Readiness } from '../host/service-readiness';
import type { StartedWazoHost } from '../host/started-wazo-host';
import { supervisorFor, type Supervisor } from '../host/supervisor';
import type { Evidence, Fact } from '../probes/evidence';
import type { Polled } from '../probes/poll';
import { asRunParameters, type RunParameters } from './run-parameters';

/** What a scenario noted before or while changing its host, for the steps that follow. */
export interface ScenarioRecord {
  /** The users the service's processes ran as before a reboot. */
  processUsers?: Fact<string[]>;
  /** The service user and permission facts before an upgrade. */
  userFacts?: Fact<Record<string, string>>;
  /** The command of the last When step (wazo-upgrade, apt-get purge, wazo-service ...). */
  action?: Evidence;
  /** consul's highest registration index of the service's instances before a restart. */
  registeredBeforeRestart?: number;
  /** The service's main process before it was killed, and systemd's restart count then. */
  killed?: { pid: number; restarts: number; sinceEpochSeconds: number };
  /** Why the administrator's conf.d setting was not written (the package ships no conf.d), if it was not. */
  adminSettingNotApplicable?: string;
  /** What disabling the service at boot ran (systemctl disable of its unit, and of monit when monit supervises it). */
  disabled?: Evidence[];
}

/** Per-scenario state: the service under test and the host the scenario runs on. */
export class HarnessWorld extends World<RunParameters> {
  readonly manifest: ServiceManifest;
  /** Who restarts the service, chosen once from the manifest: the steps call it, never branch on it. */
  readonly supervisor: Supervisor;
  host?: StartedWazoHost;
  installation?: Installation;
  /** Waits (once per host) until the service is ready; set with the host. */
  readiness?: () => Promise<Polled<Readiness>>;
  /** A host of this scenario's own, removed after it. */
  ownsHost = false;
  record: ScenarioRecord = {};

  constructor(options: IWorldOptions<RunParameters>) {
    super({ ...options, parameters: asRunParameters(options.parameters) });
    this.manifest = this.parameters.manifest;
    this.supervisor = supervisorFor(this.manifest);
  }

  /** The scenario's host; a step that needs one before a Given provided it is a feature bug. */
  get currentHost(): StartedWazoHost {
    if (!this.host) throw new Error('no host yet: the scenario needs a Given step that provides a Wazo host');
    return this.host;
  }
}

setWorldConstructor(HarnessWorld);
