import { pollUntil } from '../poll';
import type { Fact } from './evidence';

export interface Polled<T> {
  /** The last fact read: on a timeout it is the last state seen. */
  fact: Fact<T>;
  satisfied: boolean;
  waitedMs: number;
}

/** Reads a fact until its value satisfies `done` or the time is up; never throws on a timeout. */
export async function pollFact<T>(probe: () => Promise<Fact<T>>, done: (value: T) => boolean, timeoutMs: number, intervalMs = 250): Promise<Polled<T>> {
  const { last, satisfied, waitedMs } = await pollUntil(probe, (fact) => done(fact.value), { timeoutMs, intervalMs });
  return { fact: last, satisfied, waitedMs };
}
