// The order cucumber hands the scenarios out in. Its coordinator gives each free worker the
// first scenario of this order that the shared-host schedule lets start, so the order decides a
// parallel run's tail: the shared host's first reader (it boots and installs that host), the
// other readers (the schedule holds them until that host is installed, and workers take hosts
// of their own meanwhile), the shared host's last scenarios (held until every reader is done),
// then the scenarios on a host of their own (each boots and installs one, most then reboot,
// upgrade or purge it). The shared host's scenarios thus run as one chain beside the hosts of
// their own, not after them. The scenarios on hosts of their own go longest first, as the
// service's last run measured them (./scenario-durations.ts): one it did not measure goes
// first, in feature-file order, as it may be long.
// One worker runs the scenarios in cucumber's own process (its serial mode), in this order too:
// a worker process costs about 1.3 s of CPU to start and to load the support code the CLI has
// loaded already (measured 2026-12-01), for nothing when one worker runs them all. Serial mode
// does not ask setParallelCanAssign, so the order itself must put the scenarios that change the
// service on the shared host after its readers: cucumber's coordinator plugin transform
// 'pickles:order' is the place it offers for that.
import type { Plugin } from '@cucumber/cucumber/api';
import { expectedMs } from './scenario-durations';
import { hostPlacement, type SchedulablePickle } from './shared-host-schedule';

/** The first reader, the other readers, the shared host's last scenarios, then hosts of their own. */
const RANK = { 'first reader': 0, shared: 1, 'shared-last': 2, own: 3 } as const;

/**
 * `pickles` in the order of RANK, each group in its own order (Array.prototype.sort is stable),
 * except the hosts of their own: longest first by `expected`, the unmeasured first.
 */
export function scenarioOrder<T extends { pickle: SchedulablePickle }>(pickles: readonly T[], expected: (scenario: SchedulablePickle) => number | undefined = expectedMs): T[] {
  const placements = new Map(pickles.map((p) => [p, hostPlacement(p.pickle.steps)]));
  const firstReader = pickles.find((p) => placements.get(p) === 'shared');
  const rank = (p: T) => RANK[p === firstReader ? 'first reader' : placements.get(p)!];
  const length = (p: T) => (placements.get(p) === 'own' ? (expected(p.pickle) ?? Number.MAX_VALUE) : 0);
  return [...pickles].sort((a, b) => rank(a) - rank(b) || length(b) - length(a));
}

const plugin: Plugin = {
  type: 'plugin',
  coordinator: ({ transform }) => {
    transform('pickles:order', (pickles) => scenarioOrder(pickles));
  },
};

export default plugin;
