/**
 * Every wait of the harness, in one place, in milliseconds. Waits report what they waited
 * for, how long, and the last state seen; these bounds keep a broken service from hanging a run.
 */
export const TIMEOUTS = {
  /** systemd reaching running/degraded after the container starts or restarts. */
  boot: 90_000,
  /** One cucumber step: booting a host and installing a package is the longest. */
  step: 240_000,
  /** A started service answering on its API port. */
  serviceReady: 30_000,
  /** The daemon writing its PID file once it is ready. */
  pidFile: 10_000,
} as const;
