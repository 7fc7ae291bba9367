// The order cucumber hands the scenarios out in. Its coordinator gives each free worker the
// first scenario of this order that the shared-host schedule lets start, so the order decides
// a parallel run's tail, and the longest go first: the first reader of the shared host (it
// boots and installs that host, which every other reader waits for), then the scenarios on a
// host of their own (each boots and installs a host, most then reboot, upgrade or purge it),
// then the other readers, short once the shared host is up. One
// worker runs the scenarios in cucumber's own process (its serial mode), in this order too: a
// worker process costs about 1.3 s of CPU to start and to load the support code the CLI has
// loaded already (measured 2026-12-01), for nothing when one worker runs them all. But serial
// mode does not ask setParallelCanAssign, so the order itself must put the scenarios that
// change the service on the shared host after its readers: cucumber's coordinator plugin
// transform 'pickles:order' is the place it offers for that.
import type { Plugin } from '@cucumber/cucumber/api';
import { hostPlacement, type HostPlacement, type SchedulablePickle } from './shared-host-schedule';

const RANK: Record<HostPlacement, number> = { own: 0, shared: 1, 'shared-last': 2 };

/**
 * `pickles` with the first reader of the shared host first, then hosts of their own, then the
 * other readers, then the shared host's last scenarios, each group in its own order.
 */
export function scenarioOrder<T extends { pickle: SchedulablePickle }>(pickles: readonly T[]): T[] {
  const rank = (p: T) => RANK[hostPlacement(p.pickle.steps)];
  // Array.prototype.sort is stable: each group keeps the features' order.
  const ordered = [...pickles].sort((a, b) => rank(a) - rank(b));
  const firstReader = ordered.findIndex((p) => hostPlacement(p.pickle.steps) === 'shared');
  return firstReader <= 0 ? ordered : [ordered[firstReader], ...ordered.slice(0, firstReader), ...ordered.slice(firstReader + 1)];
}

const plugin: Plugin = {
  type: 'plugin',
  coordinator: ({ transform }) => {
    transform('pickles:order', (pickles) => scenarioOrder(pickles));
  },
};

export default plugin;
