import { availableParallelism } from 'node:os';
import type { HostPlacement } from '../runtime/shared-host-schedule';

/**
 * Workers per core at most by default. A scenario on a host of its own spends most of its time
 * waiting on that host (boots, reboots, monit cycles, watches), so one worker per core leaves
 * the cores idle: the warm checklist of wazo-foo on 2 cores took 60 s with 2 workers, 39 s with
 * 4, 43 s with 6 and 44 s with 8 (measured 2026-12-07, one run each, `--workers N`).
 */
const WORKERS_PER_CORE = 2;

/**
 * How many cucumber workers a run starts: the user's --workers, never more than the scenarios
 * selected; else one per scenario on a host of its own and one for all the scenarios on the
 * shared host, at most two per core. The shared host's scenarios read one host that one of
 * them boots: more workers for them only start more processes (`--tags @user` on 2 cores took
 * 5.3-6.4 s with 1 worker, 8.0-8.3 s with 2, 7.6-9.3 s with 4; measured 2026-12-07).
 */
export function workerCount(requested: number | undefined, placements: readonly HostPlacement[], cores = availableParallelism()): number {
  const own = placements.filter((p) => p === 'own').length;
  const useful = own + (own < placements.length ? 1 : 0);
  return Math.max(1, requested === undefined ? Math.min(defaultWorkerCount(cores), useful) : Math.min(requested, placements.length));
}

/** Set by `--all --parallel P` for each service's run: its share of the cores' workers. */
export const WORKER_LIMIT_VARIABLE = 'WAZO_ACCEPTANCE_WORKER_LIMIT';

/** The most workers a run starts when the user does not say: two per core, or its share when it is one of several runs. */
export function defaultWorkerCount(cores = availableParallelism(), env: NodeJS.ProcessEnv = process.env): number {
  const limit = Number(env[WORKER_LIMIT_VARIABLE]);
  return Number.isInteger(limit) && limit >= 1 ? limit : cores * WORKERS_PER_CORE;
}

/** The share of each of `parallel` runs at once. */
export function workerLimitPerRun(parallel: number, cores = availableParallelism()): number {
  return Math.max(1, Math.ceil(defaultWorkerCount(cores, {}) / parallel));
}
