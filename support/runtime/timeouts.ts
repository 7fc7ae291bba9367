import { HarnessError } from '../errors';

/** Slower machines (a loaded CI runner, emulation) scale every bound at once. */
export const TIMEOUT_SCALE_VARIABLE = 'WAZO_ACCEPTANCE_TIMEOUT_SCALE';

export function timeoutScale(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[TIMEOUT_SCALE_VARIABLE];
  if (raw === undefined || raw === '') return 1;
  const scale = Number(raw);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 20) {
    throw new HarnessError('usage', `${TIMEOUT_SCALE_VARIABLE}=${raw} is not a factor between 0 and 20`, `unset it, or set it to e.g. 2 to double every wait`);
  }
  return scale;
}

/** monit's cycle on the host, in seconds: `set daemon` in recipes/host/rootfs/etc/monit/monitrc (a spec keeps them equal). */
export const MONIT_CYCLE_SECONDS = 2;

const base = {
  /** systemd reaching running/degraded after the container starts or restarts. */
  boot: 90_000,
  /** One cucumber step: booting a host and installing a package is the longest. */
  step: 240_000,
  /** A started service active with a stable main PID, and answering on its API port when it has one. */
  serviceReady: 30_000,
  /** The daemon writing its PID file once it is ready. */
  pidFile: 10_000,
  /** A ready daemon's first lines appearing in the journal (logFile: journal). */
  journalEntry: 10_000,
  /** A started service appearing in consul's catalog with a passing check (Wazo daemons retry every 2 s). */
  consulRegistration: 20_000,
  /** A stopped service leaving consul's catalog (it deregisters itself on a clean stop). */
  consulDeregistration: 10_000,
  /** One HTTP request: to consul's API, through nginx, or with curl in the host. */
  httpRequest: 10_000,
  /** A reboot's clean shutdown (systemd stops every unit) before the engine kills the host. */
  shutdown: 30_000,
  /** After a boot: the service active, registered in consul and answering through nginx. */
  serviceAfterBoot: 60_000,
  /**
   * How long a disabled service is watched to stay stopped after the boot: three monit cycles.
   * monit, disabled at boot with the service, would start it at its first cycle if something
   * started monit anyway; a unit or timer that starts it acts during the boot or within them.
   */
  stayStopped: 3 * MONIT_CYCLE_SECONDS * 1000,
  /** A killed service restarted by its supervisor: a monit cycle or systemd's RestartSec (5 s), with margin. */
  supervisorRestart: 30_000,
  /** monit taking a newly installed check into account (its first cycle). */
  monitCheck: 15_000,
};

/**
 * Every wait of the harness, in one place, in milliseconds. Waits report what they waited
 * for, how long, and the last state seen; these bounds keep a broken service from hanging a run.
 * Each bound is scaled when it is read, not when this module is imported: a bad
 * WAZO_ACCEPTANCE_TIMEOUT_SCALE must reach the CLI as a usage error (even with --help), not
 * as a stack trace from an import.
 */
export const TIMEOUTS: Readonly<typeof base> = Object.defineProperties(
  {},
  Object.fromEntries(
    Object.entries(base).map(([name, ms]) => [name, { enumerable: true, get: () => Math.round(ms * timeoutScale()) }]),
  ),
) as typeof base;
