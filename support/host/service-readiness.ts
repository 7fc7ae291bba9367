import { isPassing } from '../checks/consul-rules';
import { apiAnswered } from '../checks/lifecycle-rules';
import type { ServiceManifest } from '../configuration/manifest';
import { fact, type Fact, type Shell } from '../probes/evidence';
import { pollFact, type Polled } from '../probes/poll';
import { apiPath, nginxStatus } from '../probes/nginx';
import { listeningTcpSockets } from '../probes/sockets';
import { unitState, type UnitState } from '../probes/units';
import { instancesInConsul } from './consul-catalog';
import type { StartedWazoHost } from './started-wazo-host';

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

export interface Serving extends Readiness {
  /** Instances of the service consul reports as passing (undefined: the service does not register). */
  passingInConsul?: number;
  /** Why consul did not answer, when it did not. */
  consulUnanswered?: string;
  /** nginx's answer for the service's API (0: none). */
  apiStatus: number;
}

async function serving(host: StartedWazoHost, manifest: ServiceManifest): Promise<Fact<Serving>> {
  const [ready, instances, api] = await Promise.all([
    readiness(host, manifest),
    manifest.consul.registers ? instancesInConsul(host, manifest.name) : undefined,
    nginxStatus(host, apiPath(manifest.api.shortName, manifest.api.version)),
  ]);
  return fact(
    { ...ready.value, passingInConsul: instances?.value.instances.filter(isPassing).length, consulUnanswered: instances?.value.unanswered, apiStatus: api.value },
    ...ready.evidence,
    ...(instances?.evidence ?? []),
    ...api.evidence,
  );
}

/** Serving: ready, registered in consul (when it registers) and answering through nginx. */
export function isServing(s: Serving): boolean {
  return s.unit.activeState === 'active' && s.listening && s.passingInConsul !== 0 && apiAnswered(s.apiStatus);
}

export function describeServing(s: Serving): string {
  const consul =
    s.consulUnanswered !== undefined ? `, consul did not answer (${s.consulUnanswered})` : s.passingInConsul === undefined ? '' : `, ${s.passingInConsul} passing instance(s) in consul`;
  return `unit ${s.unit.activeState}/${s.unit.subState}, port ${s.listening ? 'listening' : 'not listening'}${consul}, API through nginx answered ${s.apiStatus || 'nothing'}`;
}

/** Waits until the service serves (see isServing), or the unit failed, or the time is up. */
export function waitUntilServing(host: StartedWazoHost, manifest: ServiceManifest, timeoutMs: number): Promise<Polled<Serving>> {
  return pollFact(() => serving(host, manifest), (s) => isServing(s) || s.unit.activeState === 'failed', timeoutMs, 500);
}
