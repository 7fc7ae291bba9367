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

/**
 * A service is ready when its unit is active and its API port listens: by then a daemon
 * that starts as root has read its configuration and dropped its privileges.
 */
export function waitUntilReady(shell: Shell, manifest: ServiceManifest, timeoutMs: number): Promise<Polled<Readiness>> {
  return pollFact(
    () => readiness(shell, manifest),
    (r) => (r.unit.activeState === 'active' && r.listening) || r.unit.activeState === 'failed',
    timeoutMs,
  );
}
