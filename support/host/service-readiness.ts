import { activationSocket, type ServiceManifest } from '../configuration/manifest';
import type { ConsulInstance } from '../probes/consul';
import { fact, type Evidence, type Fact, type Shell } from '../probes/evidence';
import { apiPath, nginxStatus } from '../probes/nginx';
import { connectOnce, listeningTcpSockets } from '../probes/sockets';
import { unitState, type UnitState } from '../probes/units';
import { instancesInConsul } from './consul-catalog';
import { HostWait } from './host-wait';
import type { StartedWazoHost } from './started-wazo-host';
import { seconds } from '../poll';

/** The service as its ready wait reads it: its unit, and its API port when it has one. */
export type ReadyService = Pick<ServiceManifest, 'unit' | 'units' | 'api'>;
/** The service as its serving wait reads it: also its name in consul, and whether it registers there. */
export type ServingService = ReadyService & Pick<ServiceManifest, 'name' | 'consul'>;

/** One read of the service: its unit and whether its API port listens. */
export interface ServiceState {
  unit: UnitState;
  /** Whether something listens on the manifest's API port; undefined when it declares none (api: none). */
  listening: boolean | undefined;
}

export interface Readiness extends ServiceState {
  /** How long (ms) the reads have seen the current main PID: a daemon dying and restarted changes it. */
  pidStableMs: number;
  /** systemd's restart count when the wait began: restarts during the wait are a crash loop. */
  restartsBefore: number;
}

/**
 * A service started by its socket runs once something connects: each read connects to its API
 * port first (the connection is in the evidence), as a client would, so that ready means the
 * daemon runs, not only systemd listening for it.
 */
async function activate(shell: Shell, service: ReadyService): Promise<Evidence[]> {
  return activationSocket(service) && service.api ? [await connectOnce(shell, service.api.listen, service.api.port)] : [];
}

async function serviceState(shell: Shell, service: ReadyService): Promise<Fact<ServiceState>> {
  const { api } = service;
  const activation = await activate(shell, service);
  const [unit, sockets] = await Promise.all([unitState(shell, service.unit), api ? listeningTcpSockets(shell) : undefined]);
  const listening = api && sockets ? sockets.value.some((socket) => socket.port === api.port) : undefined;
  return fact({ unit: unit.value, listening }, ...activation, ...unit.evidence, ...(sockets?.evidence ?? []));
}

/**
 * How long the main PID must stay the same: two reads that far apart see the daemon alive,
 * not a process about to die and be restarted (a crash after listening).
 */
export const STABLE_PID_MS = 500;

/** Restarts during one wait after which a unit is taken as crash-looping: no need to wait for the timeout. */
const CRASH_LOOP_RESTARTS = 3;

/**
 * Ready means serving: the unit active, its main PID the same for STABLE_PID_MS, its API port
 * listening (when it has one: api: none declares none). How many times systemd restarted it
 * before does not matter here (a unit that restarted once before becoming healthy serves);
 * only the checks about restarts count them.
 */
export function isReady(r: Readiness): boolean {
  return r.unit.activeState === 'active' && r.unit.mainPid > 0 && r.pidStableMs >= STABLE_PID_MS && r.listening !== false;
}

/** Not ready, and systemd keeps restarting it: restarted CRASH_LOOP_RESTARTS times during this wait. */
export function isCrashLooping(r: Readiness): boolean {
  return !isReady(r) && r.unit.restarts - r.restartsBefore >= CRASH_LOOP_RESTARTS;
}

/** Whether the API port listens, in words; a service without an API (api: none) has no port to listen on. */
function describePort(listening: boolean | undefined, port?: number): string {
  if (listening === undefined) return 'no API port (api is none)';
  return `port${port === undefined ? '' : ` ${port}`} ${listening ? 'listening' : 'not listening'}`;
}

export function describeReadiness(r: Readiness, port: number | undefined): string {
  const pid = r.unit.mainPid > 0 ? `main PID ${r.unit.mainPid} (the same for ${seconds(r.pidStableMs)})` : 'no main PID';
  const loop = isCrashLooping(r) ? ` (${r.unit.restarts - r.restartsBefore} during this wait: a crash loop)` : '';
  return `unit ${r.unit.activeState}/${r.unit.subState}, ${describePort(r.listening, port)}, restarted ${r.unit.restarts} times${loop}, ${pid}`;
}

/** One wait's reads of the service: each knows the restarts when the wait began and how long the main PID has stayed. */
function readinessReader(shell: Shell, service: ReadyService): () => Promise<Fact<Readiness>> {
  let first: { restarts: number } | undefined;
  let seen = { pid: 0, at: 0 };
  return async () => {
    const state = await serviceState(shell, service);
    const now = Date.now();
    const { mainPid, restarts } = state.value.unit;
    first ??= { restarts };
    if (mainPid !== seen.pid) seen = { pid: mainPid, at: now };
    return { ...state, value: { ...state.value, pidStableMs: mainPid > 0 ? now - seen.at : 0, restartsBefore: first.restarts } };
  };
}

/**
 * The ready wait: until the service is ready (see isReady), by when a daemon that starts as
 * root has read its configuration and dropped its privileges. It ends early on a failed or
 * crash-looping unit.
 */
export function readyWait(service: ReadyService, boundMs: number): HostWait<Shell, Readiness> {
  return new HostWait((shell) => readinessReader(shell, service), (r) => isReady(r) || r.unit.activeState === 'failed' || isCrashLooping(r), boundMs);
}

export interface Serving extends ServiceState {
  /** Instances of the service consul reports as passing (undefined: the service does not register). */
  passingInConsul?: number;
  /** Why consul did not answer, when it did not. */
  consulUnanswered?: string;
  /** nginx's answer for the service's API (0: none; undefined: it has no API, api: none). */
  apiStatus: number | undefined;
  /** Whether that answer is the service's own (undefined: it has no API). */
  apiAnswered: boolean | undefined;
}

/** What passing and answering mean: the rules' own, handed in by the caller (host code only reads). */
export interface ServingRules {
  passing: (instance: ConsulInstance) => boolean;
  apiAnswered: (status: number) => boolean;
}

async function serving(host: StartedWazoHost, service: ServingService, rules: ServingRules, requestMs: number): Promise<Fact<Serving>> {
  const [ready, instances, api] = await Promise.all([
    serviceState(host, service),
    service.consul.registers ? instancesInConsul(host, service.name, requestMs) : undefined,
    service.api ? nginxStatus(host, apiPath(service.api.shortName, service.api.version)) : undefined,
  ]);
  return fact(
    {
      ...ready.value,
      passingInConsul: instances?.value.instances.filter(rules.passing).length,
      consulUnanswered: instances?.value.unanswered,
      apiStatus: api?.value,
      apiAnswered: api && rules.apiAnswered(api.value),
    },
    ...ready.evidence,
    ...(instances?.evidence ?? []),
    ...(api?.evidence ?? []),
  );
}

/** Serving: ready, registered in consul (when it registers) and answering through nginx (when it has an API). */
export function isServing(s: Serving): boolean {
  return s.unit.activeState === 'active' && s.listening !== false && s.passingInConsul !== 0 && s.apiAnswered !== false;
}

export function describeServing(s: Serving): string {
  const consul =
    s.consulUnanswered !== undefined ? `, consul did not answer (${s.consulUnanswered})` : s.passingInConsul === undefined ? '' : `, ${s.passingInConsul} passing instance(s) in consul`;
  const api = s.apiStatus === undefined ? '' : `, API through nginx answered ${s.apiStatus || 'nothing'}`;
  return `unit ${s.unit.activeState}/${s.unit.subState}, ${describePort(s.listening)}${consul}${api}`;
}

/** The serving wait: until the service serves (see isServing) or its unit failed; consul is asked within `requestMs`. */
export function servingWait(service: ServingService, rules: ServingRules, boundMs: number, requestMs: number): HostWait<StartedWazoHost, Serving> {
  return new HostWait((host) => () => serving(host, service, rules, requestMs), (s) => isServing(s) || s.unit.activeState === 'failed', boundMs, 500);
}
