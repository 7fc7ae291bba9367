// Where a run's time goes, read from the cucumber.ndjson its reports hold (cucumber's own
// message stream): when cucumber started and finished, and each scenario's time with the part
// its host set-up took (the Given steps that boot a host and install the package).
import { readFileSync } from 'node:fs';
import { type Envelope, TimeConversion } from '@cucumber/messages';

export interface ScenarioTime {
  name: string;
  ms: number;
  /** The steps that boot a host and install on it ("... on a Wazo host ...", "a Wazo host of its own ..."). */
  hostSetUpMs: number;
  /** It ran on the shared host: the shared host's scenarios run one after the other when no other worker is free. */
  sharedHost: boolean;
}

export interface RunTimeline {
  /** Epoch ms of testRunStarted and testRunFinished. */
  started: number;
  finished: number;
  scenarios: ScenarioTime[];
  /** How many cucumber workers ran scenarios (1 in cucumber's serial mode, which names none). */
  workers: number;
}

/** The steps whose text sets a host up: the features phrase every one of them so. */
const HOST_SET_UP = /\bWazo host\b/;
/** A host set-up step that names no host of its own sets up (or waits for) the shared host. */
const OWN_HOST = /\bof its own\b/;

export function readTimeline(ndjsonFile: string): RunTimeline {
  const envelopes = readFileSync(ndjsonFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Envelope);
  const stepText = new Map<string, string>();
  const pickleName = new Map<string, string>();
  const caseOf = new Map<string, { pickle: string; steps: Map<string, string | undefined> }>();
  const started = new Map<string, { testCase: string; at: number }>();
  const times = new Map<string, ScenarioTime>();
  const workers = new Set<string>();
  let runStarted: number | undefined;
  let runFinished: number | undefined;
  const at = TimeConversion.timestampToMillisecondsSinceEpoch;
  for (const e of envelopes) {
    if (e.pickle) {
      pickleName.set(e.pickle.id, e.pickle.name);
      for (const step of e.pickle.steps) stepText.set(step.id, step.text);
    } else if (e.testCase) {
      caseOf.set(e.testCase.id, { pickle: e.testCase.pickleId, steps: new Map(e.testCase.testSteps.map((s) => [s.id, s.pickleStepId])) });
    } else if (e.testRunStarted) {
      runStarted = at(e.testRunStarted.timestamp);
    } else if (e.testRunFinished) {
      runFinished = at(e.testRunFinished.timestamp);
    } else if (e.testCaseStarted) {
      started.set(e.testCaseStarted.id, { testCase: e.testCaseStarted.testCaseId, at: at(e.testCaseStarted.timestamp) });
      workers.add(e.testCaseStarted.workerId ?? 'serial');
    } else if (e.testStepFinished) {
      const { testCaseStartedId, testStepId, testStepResult } = e.testStepFinished;
      const testCase = caseOf.get(started.get(testCaseStartedId)?.testCase ?? '');
      const pickleStep = testCase?.steps.get(testStepId);
      const text = pickleStep === undefined ? '' : (stepText.get(pickleStep) ?? '');
      if (HOST_SET_UP.test(text)) {
        const scenario = scenarioOf(testCaseStartedId);
        scenario.hostSetUpMs += TimeConversion.durationToMilliseconds(testStepResult.duration);
        scenario.sharedHost = !OWN_HOST.test(text);
      }
    } else if (e.testCaseFinished) {
      const { testCaseStartedId, timestamp, willBeRetried } = e.testCaseFinished;
      if (!willBeRetried) scenarioOf(testCaseStartedId).ms = at(timestamp) - (started.get(testCaseStartedId)?.at ?? at(timestamp));
    }
  }
  if (runStarted === undefined || runFinished === undefined) throw new Error(`${ndjsonFile}: no testRunStarted or testRunFinished message (the run did not finish)`);
  return { started: runStarted, finished: runFinished, scenarios: [...times.values()], workers: Math.max(1, workers.size) };

  function scenarioOf(testCaseStartedId: string): ScenarioTime {
    let time = times.get(testCaseStartedId);
    if (!time) {
      const name = pickleName.get(caseOf.get(started.get(testCaseStartedId)?.testCase ?? '')?.pickle ?? '') ?? testCaseStartedId;
      times.set(testCaseStartedId, (time = { name, ms: 0, hostSetUpMs: 0, sharedHost: false }));
    }
    return time;
  }
}
