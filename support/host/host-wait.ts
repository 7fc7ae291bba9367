import type { Fact } from '../probes/evidence';
import { pollFact, type Polled } from '../probes/poll';

/**
 * One wait of the service on a host (ready, serving, registered), in testcontainers' style:
 * made once with what it reads, when it is done and its bound, then waited on a host. Like
 * every wait of the harness it never throws on a timeout: its caller judges the last fact
 * read, and states the bound the wait ran with (`boundMs`), so the two cannot differ.
 */
export class HostWait<H, T> {
  constructor(
    /** A new reader for each wait on a host: a reader may keep what its earlier reads saw. */
    private readonly reader: (host: H) => () => Promise<Fact<T>>,
    private readonly done: (value: T) => boolean,
    readonly boundMs: number,
    private readonly intervalMs?: number,
  ) {}

  waitUntilReady(host: H): Promise<Polled<T>> {
    return pollFact(this.reader(host), this.done, this.boundMs, this.intervalMs);
  }
}
