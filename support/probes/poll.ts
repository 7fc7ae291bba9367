import type { Fact } from './evidence';

export interface Polled<T> {
  /** The last fact read: on a timeout it is the last state seen. */
  fact: Fact<T>;
  satisfied: boolean;
  waitedMs: number;
}

/** Reads a fact until it satisfies `done` or the time is up; never throws on a timeout. */
export async function pollFact<T>(probe: () => Promise<Fact<T>>, done: (value: T) => boolean, timeoutMs: number, intervalMs = 250): Promise<Polled<T>> {
  const started = Date.now();
  for (;;) {
    const fact = await probe();
    const waitedMs = Date.now() - started;
    if (done(fact.value)) return { fact, satisfied: true, waitedMs };
    if (waitedMs >= timeoutMs) return { fact, satisfied: false, waitedMs };
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
