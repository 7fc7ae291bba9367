// The order cucumber hands the scenarios out in. Its coordinator gives each free worker the
// first scenario of this order that the shared-host schedule lets start, so the order decides a
// parallel run's tail, and the longest go first: the shared host's first reader (it boots and
// installs that host, which every other reader waits for), then the scenarios on a host of
// their own (each boots and installs one, most then reboot, upgrade or purge it), then the
// other readers, short once the shared host is up.
// One worker runs the scenarios in cucumber's own process (its serial mode), in this order too:
// a worker process costs about 1.3 s of CPU to start and to load the support code the CLI has
// loaded already (measured 2026-12-01), for nothing when one worker runs them all. Serial mode
// does not ask setParallelCanAssign, so the order itself must put the scenarios that change the
// service on the shared host after its readers: cucumber's coordinator plugin transform
// 'pickles:order' is the place it offers for that.
import type { Plugin } from '@cucumber/cucumber/api';
import { hostPlacement, type SchedulablePickle } from './shared-host-schedule';

/** The first reader, then hosts of their own, the other readers, the shared host's last scenarios. */
const RANK = { 'first reader': 0, own: 1, shared: 2, 'shared-last': 3 } as const;

/** `pickles` in the order of RANK, each group in its own order (Array.prototype.sort is stable). */
export function scenarioOrder<T extends { pickle: SchedulablePickle }>(pickles: readonly T[]): T[] {
  const placements = new Map(pickles.map((p) => [p, hostPlacement(p.pickle.steps)]));
  const firstReader = pickles.find((p) => placements.get(p) === 'shared');
  const rank = (p: T) => RANK[p === firstReader ? 'first reader' : placements.get(p)!];
  return [...pickles].sort((a, b) => rank(a) - rank(b));
}

const plugin: Plugin = {
  type: 'plugin',
  coordinator: ({ transform }) => {
    transform('pickles:order', (pickles) => scenarioOrder(pickles));
  },
};

export default plugin;
