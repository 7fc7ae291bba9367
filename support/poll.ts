import { setTimeout as sleep } from 'node:timers/promises';

/** A waited time as the reports say it: "12.3 s". */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export interface PollBounds {
  /** Give up once this long has passed since the first read. */
  timeoutMs?: number;
  /** Give up after this many reads. */
  attempts?: number;
  /** The pause between two reads. */
  intervalMs: number;
}

export interface PollResult<T> {
  /** The last value read: when not satisfied, the last state seen. */
  last: T;
  satisfied: boolean;
  waitedMs: number;
}

/**
 * The harness's one wait loop: reads until `done` holds or a bound is reached, and never
 * throws on a timeout (each caller says in its own words what did not come). A read that
 * throws ends the wait with that error.
 */
export async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, { timeoutMs = Infinity, attempts = Infinity, intervalMs }: PollBounds): Promise<PollResult<T>> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    const last = await read();
    const waitedMs = Date.now() - started;
    if (done(last)) return { last, satisfied: true, waitedMs };
    if (waitedMs >= timeoutMs || attempt >= attempts) return { last, satisfied: false, waitedMs };
    await sleep(intervalMs);
  }
}
