// Who restarts the service when its daemon dies: monit (the guideline) or systemd's Restart=,
// as the manifest says. It is chosen once per scenario (the world), so that no step or action
// branches on the manifest's word: each supervisor knows how to take over alone, how it shows
// that it watches the service, and what proves that a restart was its own.
import { activationSocket, type ServiceManifest } from '../configuration/manifest';
import type { Evidence, Shell } from '../probes/evidence';
import { monitCheck, monitLog } from '../probes/monit';
import { pollFact } from '../probes/poll';
import { restartPolicy, unitState } from '../probes/units';
import { seconds } from '../poll';

/** monit itself: a platform service of every Wazo host, whoever supervises the service under test. */
export const MONIT_UNIT = 'monit.service';

/** A change a scenario made to its host, and the command that gives it back (run after it on the shared host). */
export interface HostUndo {
  what: string;
  command: string[];
}

/** The undo of a scenario's `systemctl stop monit`. */
export const MONIT_STARTED_AGAIN: HostUndo = { what: 'monit', command: ['systemctl', 'start', MONIT_UNIT] };

/** The runtime drop-in that turns systemd's Restart= off while monit's restart is checked. */
const NO_RESTART_DROP_IN = 'zz-acceptance-no-restart.conf';

/** A host that knows when it last booted (a started host; a fake in the specs). */
export type BootedShell = Shell & { startedAt(): Promise<Date> };

/** Restart= values that make systemd restart a daemon killed by a signal. */
const RESTARTS_ON_KILL = ['on-failure', 'on-abnormal', 'always'];

/** A reading of the host in the words of a check: whether it holds, and what it expected and found. */
export interface SupervisorReading {
  holds: boolean;
  expected: string;
  found: string;
  evidence: Evidence[];
}

export interface Supervisor {
  readonly name: ServiceManifest['supervisor'];
  /** What shows that only it can restart the service once `leaveOnlyItself` ran, as the kill step's expectation says. */
  readonly aloneWhen: string;
  /** What proves a restart was its own, as the restart check's expectation says. */
  readonly restartProof: string;
  /** What `disableAtBoot` does besides disabling the unit, as the disable step's expectation says ('' for nothing). */
  readonly alsoDisabledAtBoot: string;
  /** It watches the service (monit within its bound for noticing a newly installed check). */
  watches(shell: Shell): Promise<SupervisorReading>;
  /** What an administrator runs to keep the service from starting at boot: its unit disabled, and this supervisor kept from starting it. */
  disableAtBoot(shell: Shell): Promise<Evidence[]>;
  /** Leaves only this supervisor able to restart the service, so that a restart proves it did. */
  leaveOnlyItself(shell: Shell): Promise<Evidence>;
  /** What `leaveOnlyItself` changed on the host, and the command that gives it back. */
  readonly undoLeaveOnlyItself: HostUndo;
  /** Whether the other supervisor is kept from restarting the service, read back from the host. */
  otherOff(shell: Shell): Promise<{ off: boolean; found: string; evidence: Evidence[] }>;
  /** Its own record of what it started since the host's last boot, when it keeps one apart from systemd's. */
  startsSinceBoot(host: BootedShell): Promise<Evidence[]>;
}

function disableUnit(shell: Shell, unit: string): Promise<Evidence> {
  return shell.run(['systemctl', 'disable', unit]);
}

class MonitSupervisor implements Supervisor {
  readonly name = 'monit';
  readonly aloneWhen = "systemd's Restart=no";
  readonly alsoDisabledAtBoot = ' (and monit disabled at boot)';
  readonly restartProof: string;

  constructor(
    private readonly unit: string,
    /** The unit the boot starts: the service's, or the socket that starts it. */
    private readonly bootUnit: string,
    private readonly checkName: string,
    /** How long monit may take to notice a newly installed check. */
    private readonly checkBoundMs: number,
  ) {
    this.restartProof = `monit's log saying it started '${checkName}', systemd's restart count unchanged`;
  }

  async watches(shell: Shell): Promise<SupervisorReading> {
    // monit loads the package's check at its next cycle after the package's reload.
    const { fact, waitedMs } = await pollFact(() => monitCheck(shell, this.checkName), (c) => c.monitoring === 'Monitored', this.checkBoundMs, 500);
    const { listed, kind, monitoring, status } = fact.value;
    return {
      holds: listed && monitoring === 'Monitored',
      expected: `monit status to list a monitored check '${this.checkName}' within ${this.checkBoundMs / 1000} s`,
      found: listed ? `${kind} '${this.checkName}': ${monitoring}, status ${status}` : `no check named '${this.checkName}' after ${seconds(waitedMs)}`,
      evidence: fact.evidence,
    };
  }

  /**
   * monit is disabled at boot too, as `wazo-service disable` does on a Wazo host: it would
   * start every check it watches, and its unmonitor state does not reliably survive a reboot.
   */
  async disableAtBoot(shell: Shell): Promise<Evidence[]> {
    return [await disableUnit(shell, this.bootUnit), await disableUnit(shell, MONIT_UNIT)];
  }

  /** systemd's Restart= turned off by a runtime drop-in: gone at the next boot. */
  leaveOnlyItself(shell: Shell): Promise<Evidence> {
    return shell.run(['sh', '-c', `mkdir -p ${this.noRestartDir} && printf '[Service]\\nRestart=no\\n' > ${this.noRestartDir}/${NO_RESTART_DROP_IN} && systemctl daemon-reload`]);
  }

  get undoLeaveOnlyItself(): HostUndo {
    return { what: `systemd's Restart= of ${this.unit}`, command: ['sh', '-c', `rm -f ${this.noRestartDir}/${NO_RESTART_DROP_IN} && systemctl daemon-reload`] };
  }

  private get noRestartDir(): string {
    return `/run/systemd/system/${this.unit}.d`;
  }

  async otherOff(shell: Shell): Promise<{ off: boolean; found: string; evidence: Evidence[] }> {
    const policy = await restartPolicy(shell, this.unit);
    return { off: policy.value === 'no', found: `systemd's Restart=${policy.value}`, evidence: policy.evidence };
  }

  async startsSinceBoot(host: BootedShell): Promise<Evidence[]> {
    return (await monitLog(host, await host.startedAt())).evidence;
  }
}

class SystemdSupervisor implements Supervisor {
  readonly name = 'systemd';
  readonly aloneWhen = `${MONIT_UNIT} stopped`;
  readonly alsoDisabledAtBoot = '';
  readonly restartProof: string;

  constructor(
    private readonly unit: string,
    /** The unit the boot starts: the service's, or the socket that starts it. */
    private readonly bootUnit: string,
    checkName: string,
  ) {
    this.restartProof = `systemd's restart count going up, monit's log silent about '${checkName}'`;
  }

  async watches(shell: Shell): Promise<SupervisorReading> {
    const policy = await restartPolicy(shell, this.unit);
    return {
      holds: RESTARTS_ON_KILL.includes(policy.value),
      expected: `${this.unit} to have Restart= ${RESTARTS_ON_KILL.join(' or ')} (the manifest says systemd supervises it)`,
      found: `Restart=${policy.value}`,
      evidence: policy.evidence,
    };
  }

  // Restart= does not start a unit at boot: disabling the unit (or its activation socket) is all.
  async disableAtBoot(shell: Shell): Promise<Evidence[]> {
    return [await disableUnit(shell, this.bootUnit)];
  }

  leaveOnlyItself(shell: Shell): Promise<Evidence> {
    return shell.run(['systemctl', 'stop', MONIT_UNIT]);
  }

  readonly undoLeaveOnlyItself = MONIT_STARTED_AGAIN;

  async otherOff(shell: Shell): Promise<{ off: boolean; found: string; evidence: Evidence[] }> {
    const monit = await unitState(shell, MONIT_UNIT);
    return { off: monit.value.activeState !== 'active', found: `${MONIT_UNIT} ${monit.value.activeState}`, evidence: monit.evidence };
  }

  // systemd's record is the unit's own state, which the steps read already.
  async startsSinceBoot(): Promise<Evidence[]> {
    return [];
  }
}

type SupervisedService = Pick<ServiceManifest, 'supervisor' | 'unit' | 'units' | 'name'>;

// Only monit waits (for its first cycle over a new check): systemd reads its unit at once and gets no bound.
const SUPERVISORS: Record<ServiceManifest['supervisor'], (service: SupervisedService, monitCheckMs: number) => Supervisor> = {
  monit: (service, monitCheckMs) => new MonitSupervisor(service.unit, bootUnit(service), service.name, monitCheckMs),
  systemd: (service) => new SystemdSupervisor(service.unit, bootUnit(service), service.name),
};

/** What an administrator disables to keep the service from starting at boot: its activation socket when it has one (the service unit is then static). */
function bootUnit(service: SupervisedService): string {
  return activationSocket(service) ?? service.unit;
}

/** The supervisor the manifest names, for its unit and its monit check (named like the service); `monitCheckMs` bounds monit's noticing it. */
export function supervisorFor(service: SupervisedService, monitCheckMs: number): Supervisor {
  return SUPERVISORS[service.supervisor](service, monitCheckMs);
}
