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
  /** A started service appearing in consul's catalog with a passing check (Wazo daemons retry every 2 s). */
  consulRegistration: 20_000,
  /** A stopped service leaving consul's catalog (it deregisters itself on a clean stop). */
  consulDeregistration: 10_000,
  /** One HTTP request: to consul's API, through nginx, or with curl in the host. */
  httpRequest: 10_000,
} as const;
