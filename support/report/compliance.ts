import type { ScenarioLine } from './scenario-line';
import type { ServiceManifest } from '../configuration/manifest';
import { CHECKLIST_RULES } from './checklist-map';
import type { ChecklistItem } from './guidelines-checklist';
import { exitCodeOf, worstOf, type Verdict } from './verdict';

export interface ItemVerdict {
  item: ChecklistItem;
  verdict: Verdict;
  /** Why, for N/A, BLOCKED, ENVIRONMENT, MANUAL and NOT RUN. */
  reason?: string;
  /** The scenarios that decided it. */
  scenarios: ScenarioLine[];
}

/** What the user selected: NOT RUN is only ever the consequence of their --tags. */
export interface Selection {
  tags?: string;
  /** --name patterns: scenarios by name. */
  names?: string[];
  /** The scenarios --fail-fast left unstarted after a failure: the items they decide are NOT RUN. */
  stoppedBefore?: Array<{ name: string; tags: string[] }>;
  /** Whether --docs gave the documentation site: without it the documentation items are MANUAL. */
  docs?: boolean;
}

/** The scenarios (run, or only planned by --list) that decide an item of the checklist. */
export function decidingScenarios<S extends { name: string; tags: string[] }>(item: ChecklistItem, lines: S[]): S[] {
  const rule = CHECKLIST_RULES[item.text];
  if (!rule || rule.kind === 'manual') return [];
  const byTags = (tags: string[]) => rule.kind === 'scenarios' && rule.tags !== undefined && rule.tags.every((t) => tags.includes(t)) && !(rule.notTags ?? []).some((t) => tags.includes(t));
  return lines.filter((line) => line.name === item.text || byTags(line.tags));
}

function judgeItem(item: ChecklistItem, lines: ScenarioLine[], manifest: ServiceManifest, selection: Selection): ItemVerdict {
  const rule = CHECKLIST_RULES[item.text];
  if (!rule) return { item, verdict: 'BLOCKED', reason: 'no rule in support/report/checklist-map.ts decides this item (the guidelines changed: update the harness)', scenarios: [] };
  if (rule.kind === 'manual' || (rule.kind === 'documentation' && !selection.docs)) return { item, verdict: 'MANUAL', reason: rule.reason, scenarios: [] };
  // Decided from the manifest before any scenario: its scenarios, if any ran, are checks beyond the item.
  const notApplicable = rule.kind === 'scenarios' ? rule.applies?.(manifest) : undefined;
  if (notApplicable) return { item, verdict: 'N/A', reason: notApplicable, scenarios: [] };
  const scenarios = decidingScenarios(item, lines);
  const verdict = worstOf(scenarios.map((s) => s.verdict));
  if (verdict === undefined) {
    if (decidingScenarios(item, selection.stoppedBefore ?? []).length > 0) return { item, verdict: 'NOT RUN', reason: '--fail-fast stopped the run at an earlier failure', scenarios };
    const filters = [selection.tags && `--tags "${selection.tags}"`, ...(selection.names ?? []).map((n) => `--name "${n}"`)].filter(Boolean);
    return filters.length > 0
      ? { item, verdict: 'NOT RUN', reason: `${filters.join(' and ')} left it out`, scenarios }
      : { item, verdict: 'BLOCKED', reason: 'no scenario decided it although every area ran (a harness bug: please report it)', scenarios };
  }
  const reason = scenarios.find((s) => s.verdict === verdict && s.reason)?.reason;
  return { item, verdict, reason, scenarios };
}

/** Each checklist item, in the guidelines' order, with the verdict of this run. */
export function judgeChecklist(items: ChecklistItem[], lines: ScenarioLine[], manifest: ServiceManifest, selection: Selection = {}): ItemVerdict[] {
  return items.map((item) => judgeItem(item, lines, manifest, selection));
}

/** The scenarios that decide no checklist item: reported as checks beyond the checklist. */
export function scenariosBeyondChecklist(verdicts: ItemVerdict[], lines: ScenarioLine[]): ScenarioLine[] {
  const decided = new Set(verdicts.flatMap((v) => v.scenarios));
  return lines.filter((line) => !decided.has(line));
}

/** The run's exit code: from the checklist and the checks beyond it, never from the test runner. */
export function runExitCode(verdicts: ItemVerdict[], beyond: ScenarioLine[]): number {
  return exitCodeOf([...verdicts.map((v) => v.verdict), ...beyond.map((s) => s.verdict)]);
}
