/**
 * Every wait of the harness, in one place, in milliseconds. Waits report what they waited
 * for, how long, and the last state seen; these bounds keep a broken service from hanging a run.
 */
export const TIMEOUTS = {
  /** systemd reaching running/degraded after the container starts or restarts. */
  boot: 90_000,
  /** One cucumber step: booting a host and installing a package is the longest. */
  step: 240_000,
  /** A unit settling after install/start (activating -> active). */
  unitSettle: 20_000,
  /** A started service answering on its API port. */
  serviceReady: 30_000,
  /** The daemon writing its PID file once it is ready. */
  pidFile: 10_000,
  /** A reboot's clean shutdown (systemd stops every unit) before the engine kills the host. */
  shutdown: 30_000,
  /** After a boot: the service active, registered in consul and answering through nginx. */
  serviceAfterBoot: 60_000,
  /** How long a stopped service is watched to stay stopped: two monit cycles (set daemon 5) and more. */
  stayStopped: 12_000,
  /** A killed service restarted by its supervisor: a monit cycle (5 s) or systemd's RestartSec (5 s), with margin. */
  supervisorRestart: 30_000,
  /** monit taking a newly installed check into account (its first cycle). */
  monitCheck: 15_000,
} as const;
