import type { ServiceManifest } from '../configuration/manifest';
import { fact, type Fact, type Shell } from '../probes/evidence';
import { pollFact, type Polled } from '../probes/poll';
import { listeningTcpSockets } from '../probes/sockets';
import { unitState, type UnitState } from '../probes/units';

export interface Readiness {
  unit: UnitState;
  /** Whether something listens on the manifest's API port. */
  listening: boolean;
}

async function readiness(shell: Shell, manifest: ServiceManifest): Promise<Fact<Readiness>> {
  const [unit, sockets] = await Promise.all([unitState(shell, manifest.unit), listeningTcpSockets(shell)]);
  const listening = sockets.value.some((socket) => socket.port === manifest.api.port);
  return fact({ unit: unit.value, listening }, ...unit.evidence, ...sockets.evidence);
}

/** Restarts after which a unit is taken as crash-looping: no need to wait for the timeout. */
const CRASH_LOOP_RESTARTS = 3;

export function isReady(r: Readiness): boolean {
  return r.unit.activeState === 'active' && r.listening && r.unit.restarts === 0;
}

/**
 * A service is ready when its unit is active, its API port listens and systemd did not have
 * to restart it: by then a daemon that starts as root has read its configuration and dropped
 * its privileges. The wait ends early on a failed or crash-looping unit.
 */
export function waitUntilReady(shell: Shell, manifest: ServiceManifest, timeoutMs: number): Promise<Polled<Readiness>> {
  return pollFact(
    () => readiness(shell, manifest),
    (r) => isReady(r) || r.unit.activeState === 'failed' || r.unit.restarts >= CRASH_LOOP_RESTARTS,
    timeoutMs,
  );
}
