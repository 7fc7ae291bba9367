// Failures grouped by root cause: scenarios that failed at the same step with the same finding
// (e.g. several checks that each found the service not listening) are one failure, shown once
// in the reports; the items and scenarios it decides refer to it.
import type { ScenarioLine } from '../report/scenario-line';
import type { ItemVerdict } from '../report/compliance';
import { foundLine } from '../report/scenario-verdict';

export interface FailureGroup {
  /** The HTML id of its section ("failure-1"), what the tables link to. */
  anchor: string;
  /** What was found (the finding of its first scenario), or why the check could not finish. */
  summary: string;
  /** The scenarios that failed for this cause, the first one's message standing for all. */
  scenarios: ScenarioLine[];
  /** The numbers of the checklist items these scenarios decide (none for checks beyond it). */
  items: number[];
}

const FAILED = ['FAIL', 'ENVIRONMENT'];

/** A failed scenario in one line: what was found, or why the check could not finish. */
export function findingOf(scenario: ScenarioLine): string {
  return scenario.failures.length > 0 ? foundLine(scenario.failures[0]) : (scenario.reason ?? '');
}

/** Timings vary from host to host: "after 12.3 s" and "after 9.8 s" are the same finding. */
function causeKey(scenario: ScenarioLine): string {
  return [scenario.verdict, scenario.failedStep ?? '', findingOf(scenario).replace(/\d+(\.\d+)? s\b/g, '# s')].join('\0');
}

/** The failed scenarios of the checklist (in its order) and beyond it, one group per cause. */
export function groupFailures(verdicts: ItemVerdict[], beyond: ScenarioLine[]): FailureGroup[] {
  const groups = new Map<string, FailureGroup>();
  const add = (scenario: ScenarioLine, item?: number) => {
    if (!FAILED.includes(scenario.verdict)) return;
    const key = causeKey(scenario);
    const group = groups.get(key) ?? { anchor: `failure-${groups.size + 1}`, summary: findingOf(scenario), scenarios: [], items: [] };
    groups.set(key, group);
    if (!group.scenarios.includes(scenario)) group.scenarios.push(scenario);
    if (item !== undefined && !group.items.includes(item)) group.items.push(item);
  };
  verdicts.forEach((v, i) => v.scenarios.forEach((s) => add(s, i + 1)));
  beyond.forEach((s) => add(s));
  return [...groups.values()];
}

export function groupOf(groups: FailureGroup[], scenario: ScenarioLine): FailureGroup | undefined {
  return groups.find((g) => g.scenarios.includes(scenario));
}

/**
 * Where the verdict of these scenarios (an item's, or one check's) is explained: their first
 * failure, or for a BLOCKED one the failure of the item that judges its precondition (the
 * install check), when that one failed in this run.
 */
export function failureExplaining(groups: FailureGroup[], verdicts: ItemVerdict[], scenarios: ScenarioLine[], seen = new Set<string>()): FailureGroup | undefined {
  const own = scenarios.map((s) => groupOf(groups, s)).find(Boolean);
  if (own) return own;
  const judge = scenarios.find((s) => s.verdict === 'BLOCKED' && s.judgedBy)?.judgedBy;
  if (judge === undefined || seen.has(judge)) return undefined;
  const judging = verdicts.find((v) => v.item.text === judge);
  return judging && failureExplaining(groups, verdicts, judging.scenarios, seen.add(judge));
}
