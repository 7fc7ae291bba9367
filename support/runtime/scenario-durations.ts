// How long each scenario of a service took in its last run, kept in
// build/cache/scenario-durations/SERVICE.json, so that the next run hands out the scenarios on
// hosts of their own longest first (./scenario-order.ts): in feature-file order the longest one
// (a reboot, then a 6 s watch) started a third of the way into the warm checklist and set the
// run's end (measured 2026-12-07). Only the order depends on it: such a scenario has a host of
// its own, and its verdict does not depend on what runs beside it.
import { join } from 'node:path';
import { type Envelope, TimeConversion } from '@cucumber/messages';
import { cacheDir, keep, readKept } from '../json-cache';
import { scenarioKey } from './shared-host-schedule';

/** Milliseconds by scenario (scenarioKey: feature file and name). */
export type Durations = Record<string, number>;

function isDurations(value: unknown): value is Durations {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((ms) => typeof ms === 'number' && ms >= 0);
}

const fileOf = (service: string, dir: string) => join(dir, `${service.replace(/[^A-Za-z0-9._-]/g, '_')}.json`);

/** The service's last durations; none when it never ran here (or the file is not whole). */
export function loadDurations(service: string, dir = cacheDir('scenario-durations')): Durations {
  return readKept(fileOf(service, dir), isDurations) ?? {};
}

/** Keeps `measured` over `previous` (a run of some tags measures some scenarios only). */
export function saveDurations(service: string, previous: Durations, measured: Durations, dir = cacheDir('scenario-durations')): void {
  keep(fileOf(service, dir), { ...previous, ...measured });
}

/** Each finished scenario's wall time, from cucumber's message stream as the run goes. */
export class ScenarioClock {
  readonly measured: Durations = {};
  private readonly pickles = new Map<string, string>();
  private readonly cases = new Map<string, string>();
  private readonly started = new Map<string, { key: string; at: number }>();

  onMessage(envelope: Envelope): void {
    const at = TimeConversion.timestampToMillisecondsSinceEpoch;
    if (envelope.pickle) this.pickles.set(envelope.pickle.id, scenarioKey(envelope.pickle));
    else if (envelope.testCase) this.cases.set(envelope.testCase.id, this.pickles.get(envelope.testCase.pickleId) ?? '');
    else if (envelope.testCaseStarted) {
      const { id, testCaseId, timestamp } = envelope.testCaseStarted;
      this.started.set(id, { key: this.cases.get(testCaseId) ?? '', at: at(timestamp) });
    } else if (envelope.testCaseFinished) {
      const { testCaseStartedId, timestamp, willBeRetried } = envelope.testCaseFinished;
      const start = this.started.get(testCaseStartedId);
      // An outline's examples share a name: the longest stands for them.
      if (start?.key && !willBeRetried) this.measured[start.key] = Math.max(this.measured[start.key] ?? 0, at(timestamp) - start.at);
    }
  }
}

let expected: Durations = {};

/** Set by the CLI before cucumber starts, in the process that orders the scenarios. */
export function expectDurations(durations: Durations): void {
  expected = durations;
}

/** How long the scenario took last time, if it ran here before. */
export function expectedMs(scenario: { uri: string; name: string }): number | undefined {
  return expected[scenarioKey(scenario)];
}
