import { availableParallelism } from 'node:os';

/**
 * Workers per core by default. A scenario spends most of its time waiting on its host (boots,
 * reboots, monit cycles, watches), so one worker per core leaves the cores idle: the warm
 * checklist of wazo-foo on 2 cores took 60 s with 2 workers, 39 s with 4, 43 s with 6 and 44 s
 * with 8 (measured 2026-12-07, one run each, `--workers N`).
 */
const WORKERS_PER_CORE = 2;

/**
 * How many cucumber workers a run starts: the user's --workers, else two per core; never more
 * than the scenarios selected (each worker is a process to start, and a run of one area often
 * has fewer scenarios than that).
 */
export function workerCount(requested: number | undefined, scenarios: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(requested ?? defaultWorkerCount(cores), scenarios));
}

/** The workers a run starts when the user does not say, before the cap by the scenarios. */
export function defaultWorkerCount(cores = availableParallelism()): number {
  return cores * WORKERS_PER_CORE;
}
