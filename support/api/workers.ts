import { availableParallelism } from 'node:os';

/**
 * How many cucumber workers a run starts: the user's --workers, else one per core; never more
 * than the scenarios selected (each worker is a process to start, and a run of one area often
 * has fewer scenarios than cores).
 */
export function workerCount(requested: number | undefined, scenarios: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(requested ?? cores, scenarios));
}
