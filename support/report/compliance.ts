import type { ServiceManifest } from '../configuration/manifest';
import type { ScenarioLine } from '../cli/scenario-reporter';
import { CHECKLIST_RULES } from './checklist-map';
import type { ChecklistItem } from './guidelines-checklist';

export type Verdict = 'pass' | 'fail' | 'not applicable' | 'manual' | 'not run' | 'unmapped';

export interface ItemVerdict {
  item: ChecklistItem;
  verdict: Verdict;
  /** Why, for not applicable / manual / not run / unmapped. */
  reason?: string;
  /** The scenarios that decided it. */
  scenarios: ScenarioLine[];
}

function decidingScenarios(item: ChecklistItem, lines: ScenarioLine[]): ScenarioLine[] {
  const rule = CHECKLIST_RULES[item.text];
  if (!rule || rule.kind === 'manual') return [];
  return lines.filter(
    (line) =>
      line.name === item.text ||
      (rule.tags !== undefined && rule.tags.every((t) => line.tags.includes(t)) && !(rule.notTags ?? []).some((t) => line.tags.includes(t))),
  );
}

/** Each checklist item, in the guidelines' order, with the verdict of this run. */
export function judgeChecklist(items: ChecklistItem[], lines: ScenarioLine[], manifest: ServiceManifest): ItemVerdict[] {
  return items.map((item) => {
    const rule = CHECKLIST_RULES[item.text];
    if (!rule) return { item, verdict: 'unmapped', reason: 'no rule in support/report/checklist-map.ts decides this item', scenarios: [] };
    if (rule.kind === 'manual') return { item, verdict: 'manual', reason: rule.reason, scenarios: [] };
    const notApplicable = rule.applies?.(manifest);
    const scenarios = decidingScenarios(item, lines);
    if (scenarios.some((s) => s.status === 'FAILED')) return { item, verdict: 'fail', scenarios };
    if (notApplicable) return { item, verdict: 'not applicable', reason: notApplicable, scenarios };
    if (scenarios.length === 0) return { item, verdict: 'not run', reason: 'no scenario of this item ran (see --tags)', scenarios };
    if (scenarios.every((s) => s.status === 'SKIPPED')) return { item, verdict: 'not applicable', reason: 'its scenarios do not apply to this service', scenarios };
    if (scenarios.every((s) => s.status === 'PASSED' || s.status === 'SKIPPED')) return { item, verdict: 'pass', scenarios };
    return { item, verdict: 'fail', reason: `a scenario ended ${scenarios.find((s) => s.status !== 'PASSED')?.status}`, scenarios };
  });
}

/** The scenarios that decide no checklist item: reported as checks beyond the checklist. */
export function scenariosBeyondChecklist(verdicts: ItemVerdict[], lines: ScenarioLine[]): ScenarioLine[] {
  const decided = new Set(verdicts.flatMap((v) => v.scenarios));
  return lines.filter((line) => !decided.has(line));
}
