// `--list`: the checks a run would start for this manifest and filters, each with the checklist
// item it decides and whether the manifest makes it N/A, printed without starting anything.
import type { ServiceManifest } from '../configuration/manifest';
import { notApplicableReason } from '../checks/applicability';
import { CHECKLIST_RULES } from '../report/checklist-map';
import { decidingScenarios } from '../report/compliance';
import { readChecklist } from '../report/guidelines-checklist';
import type { PlannedScenario } from './feature-plan';

export function listPlan(manifest: ServiceManifest, planned: PlannedScenario[], guidelines: string): string {
  const items = readChecklist(guidelines);
  const lines = planned.map((scenario) => {
    const index = items.findIndex((item) => decidingScenarios(item, [scenario]).length > 0);
    // An item the manifest makes N/A as a whole leaves its scenarios as checks beyond the checklist.
    const rule = index >= 0 ? CHECKLIST_RULES[items[index].text] : undefined;
    const itemNotApplicable = rule?.kind === 'scenarios' ? rule.applies?.(manifest) : undefined;
    const decides =
      index < 0 ? 'beyond the checklist' : itemNotApplicable ? `beyond the checklist (item ${index + 1} is N/A: ${itemNotApplicable})` : `checklist item ${index + 1}: ${items[index].text}`;
    const notApplicable = notApplicableReason(scenario, manifest);
    // The area is the scenario's first tag, as the run's own lines show it.
    return `${(scenario.tags[0] ?? '').padEnd(20)} ${scenario.name}\n${' '.repeat(21)}${decides}${notApplicable ? `\n${' '.repeat(21)}N/A: ${notApplicable}` : ''}\n`;
  });
  return `${planned.length} ${planned.length === 1 ? 'check' : 'checks'} of ${manifest.name} would run (nothing was started):\n${lines.join('')}`;
}
