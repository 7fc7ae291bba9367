// One worker runs the scenarios in cucumber's own process (its serial mode), in the order of
// the plan: a worker process costs about 1.3 s of CPU to start and to load the support code the
// CLI has loaded already (measured 2026-12-01), for nothing when one worker runs them all. But
// serial mode does not ask setParallelCanAssign, so the order itself must put the scenarios that
// change the service on the shared host after its readers: cucumber's coordinator plugin
// transform 'pickles:order' is the place it offers for that.
import type { Plugin } from '@cucumber/cucumber/api';
import { hostPlacement, type SchedulablePickle } from './shared-host-schedule';

/** `pickles` with the shared host's last scenarios moved after all the others, each group in its own order. */
export function sharedHostLastInOrder<T extends { pickle: SchedulablePickle }>(pickles: readonly T[]): T[] {
  const last = (p: T) => hostPlacement(p.pickle.steps) === 'shared-last';
  return [...pickles.filter((p) => !last(p)), ...pickles.filter(last)];
}

const plugin: Plugin = {
  type: 'plugin',
  coordinator: ({ transform }) => {
    transform('pickles:order', (pickles) => sharedHostLastInOrder(pickles));
  },
};

export default plugin;
