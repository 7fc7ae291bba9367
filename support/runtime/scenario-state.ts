import type { Installation } from '../host/package-installer';
import type { Readiness } from '../host/service-readiness';
import type { StartedWazoHost } from '../host/started-wazo-host';
import type { HostUndo } from '../host/supervisor';
import type { Evidence, Fact } from '../probes/evidence';
import type { HttpResult } from '../probes/http';
import type { Polled } from '../probes/poll';

/** A document a scenario fetched, and where from (as the messages say it). */
export interface FetchedDocument {
  url: string;
  result: HttpResult;
}

/** Everything a scenario's steps leave for the steps after them. */
export interface ScenarioValues {
  /** The host the scenario runs on. */
  host: StartedWazoHost;
  /** The host is the scenario's own, removed after it (not the run's shared host). */
  ownsHost: boolean;
  /** What the scenario changed on its host, and how to give it back: on the shared host, done after the scenario. */
  undo: HostUndo[];
  installation: Installation;
  /** Waits (once per shared host) until the service is ready; set with the host. */
  readiness: () => Promise<Polled<Readiness>>;
  /** The users the service's processes ran as before a reboot. */
  processUsers: Fact<string[]>;
  /** The service user and permission facts before an upgrade. */
  userFacts: Fact<Record<string, string>>;
  /** The command of the last When step (wazo-upgrade, apt-get purge, wazo-service ...). */
  action: Evidence;
  /** consul's highest registration index of the service's instances before a restart. */
  registeredBeforeRestart: number;
  /** The service's main process before it was killed, and systemd's restart count then. */
  killed: { pid: number; restarts: number; killedAt: Date };
  /** Why the administrator's conf.d setting was not written (the package ships no conf.d), if it was not. */
  adminSettingNotApplicable: string;
  /** What disabling the service at boot ran (systemctl disable of its unit, and of monit when monit supervises it). */
  disabled: Evidence[];
  /** The OpenAPI document fetched last: the Then steps judge it. */
  openApiDocument: FetchedDocument;
  /** When (the harness's clock, ms) `systemctl start` or `restart` last returned: registration times are measured from there. */
  startedAt: number;
}

/**
 * What each value is and which step sets it. A step that needs a value no earlier step set
 * is a feature bug (steps in the wrong order), and its error says how to mend it.
 */
const SET_BY: Record<keyof ScenarioValues, { missing: string; step: string }> = {
  host: { missing: 'Wazo host', step: "a Given step that provides one (e.g. 'the service is installed on a Wazo host')" },
  ownsHost: { missing: 'host of its own', step: "a Given step that provides one (e.g. 'the service is installed on a Wazo host of its own')" },
  undo: { missing: 'record of what the scenario changed on its host', step: "a step that changes it (e.g. 'monit is stopped, so that it does not undo the scenario's stops')" },
  installation: { missing: 'installation of the package', step: "a Given step that installs it (e.g. 'the service is installed on a Wazo host')" },
  readiness: { missing: 'readiness wait', step: "a Given step that provides an installed host (e.g. 'the service is installed on a Wazo host')" },
  processUsers: { missing: "users of the service's processes before the reboot", step: "the step 'the host reboots'" },
  userFacts: { missing: 'service user and permissions before the upgrade', step: "the step 'the host is upgraded with wazo-upgrade to the service's new version'" },
  action: { missing: 'command of a When step', step: 'a When step that runs one (wazo-upgrade, wazo-service, apt-get purge, wazo-backup, the SIGKILL)' },
  registeredBeforeRestart: { missing: 'consul index before the restart', step: "the step 'the service is restarted with systemctl'" },
  killed: { missing: 'killed main process', step: "the step 'the service's main process is killed with SIGKILL'" },
  adminSettingNotApplicable: { missing: "note on the administrator's setting", step: "the step 'the administrator has added a setting in the service's conf.d directory'" },
  disabled: { missing: 'record of disabling the service at boot', step: "the step 'the administrator has disabled the service at boot'" },
  openApiDocument: { missing: 'OpenAPI document fetched', step: "the step 'the OpenAPI document is fetched ...'" },
  startedAt: { missing: 'start of the service to measure from', step: "the step 'the service is started with systemctl' (or restarted)" },
};

/** One scenario's state: each value set by one step and read by the steps after it. */
export class ScenarioState {
  private readonly values: Partial<ScenarioValues> = {};

  set<K extends keyof ScenarioValues>(key: K, value: ScenarioValues[K]): void {
    this.values[key] = value;
  }

  /** A value the step needs: without it the step cannot run, and the error names the step that sets it. */
  get<K extends keyof ScenarioValues>(key: K): ScenarioValues[K] {
    const value = this.values[key];
    if (value === undefined) throw new Error(`no ${SET_BY[key].missing}: ${SET_BY[key].step} must run first`);
    return value;
  }

  /** Records a change the scenario made to its host, to be given back after it (on the shared host). */
  undoAfter(undo: HostUndo): void {
    this.values.undo = [...(this.values.undo ?? []), undo];
  }

  /** A value the step can do without (a note, the shared host's readiness, a host to clean up). */
  find<K extends keyof ScenarioValues>(key: K): ScenarioValues[K] | undefined {
    return this.values[key];
  }
}
