// Which scenarios may run at once on the run's shared host. Most scenarios only read the
// installed host and share it; a few change the service (stop, start, restart) without
// breaking the host: instead of booting and installing a host of their own (about a quarter
// of a short run's CPU on a 2-core machine), they run on the shared host once every reader
// has finished, one at a time. Cucumber asks the schedule before it hands a scenario to a
// worker (setParallelCanAssign, in the coordinator process); with one worker, the order of
// ./scenario-order.ts does the same.

/** The first step of a scenario that runs on the shared host after every reader (steps/host.steps.ts). */
export const SHARED_HOST_LAST = 'the service is installed on the shared Wazo host, after the scenarios that only read it';

/** Where a scenario runs: the shared host (reading it), the shared host after the readers, or a host of its own. */
export type HostPlacement = 'shared' | 'shared-last' | 'own';

/** Read from the scenario's steps; a scenario that names no host counts as a reader (the safe side). */
export function hostPlacement(steps: ReadonlyArray<{ text: string }>): HostPlacement {
  if (steps.some((s) => s.text === SHARED_HOST_LAST)) return 'shared-last';
  if (steps.some((s) => /\bhost of its own\b/.test(s.text))) return 'own';
  return 'shared';
}

/** What the schedule needs of a scenario: cucumber's pickle has these fields. */
export interface SchedulablePickle {
  uri: string;
  name: string;
  steps: ReadonlyArray<{ text: string }>;
}

/** A scenario by feature file and name, as the CLI's plan and cucumber's pickles both give them. */
export function scenarioKey({ uri, name }: { uri: string; name: string }): string {
  return `${uri}\n${name}`;
}

export class SharedHostSchedule {
  /** The readers not yet handed to a worker, by feature file and name (an outline repeats a name). */
  private readonly unassigned = new Map<string, number>();

  /**
   * `readers`: every scenario of the run whose placement is 'shared', as cucumber planned them;
   * `installed`: whether the shared host is booted and installed (its worker said so).
   */
  constructor(
    readers: ReadonlyArray<{ uri: string; name: string }>,
    private readonly installed: () => boolean,
  ) {
    for (const reader of readers) this.unassigned.set(scenarioKey(reader), (this.unassigned.get(scenarioKey(reader)) ?? 0) + 1);
  }

  /**
   * Whether `pickle` may start now, `inProgress` running. A reader waits while another reader
   * boots and installs the shared host (it would wait for it in a worker that a host of its own
   * could use), and while a last scenario runs; a last scenario waits until every reader has
   * been handed out and none runs, and runs alone on the shared host. Hosts of their own never wait.
   */
  canAssign(pickle: SchedulablePickle, inProgress: readonly SchedulablePickle[]): boolean {
    const placement = hostPlacement(pickle.steps);
    const onShared = inProgress.map((p) => hostPlacement(p.steps)).filter((p) => p !== 'own');
    if (placement === 'shared-last') return this.unassigned.size === 0 && onShared.length === 0;
    if (placement === 'own') return true;
    if (onShared.includes('shared-last')) return false;
    if (onShared.length > 0 && !this.installed()) return false;
    // Cucumber hands out the first scenario this returns true for: it is assigned now.
    const left = (this.unassigned.get(scenarioKey(pickle)) ?? 1) - 1;
    if (left > 0) this.unassigned.set(scenarioKey(pickle), left);
    else this.unassigned.delete(scenarioKey(pickle));
    return true;
  }
}

let current: SharedHostSchedule | undefined;

/** Set by the CLI before cucumber starts, in the process that coordinates the workers. */
export function scheduleSharedHost(schedule: SharedHostSchedule): void {
  current = schedule;
}

/** The run's schedule; only the coordinating process asks for it. */
export function sharedHostSchedule(): SharedHostSchedule {
  if (!current) throw new Error('no shared-host schedule: the API sets it before runCucumber (support/api/run-features.ts)');
  return current;
}
