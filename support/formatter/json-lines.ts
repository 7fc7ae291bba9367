// `--format json`: the run's verdicts on stdout as JSON Lines, one object per verdict, for
// scripts that would otherwise parse the console lines. The schema is in README ("--format json").
import type { ScenarioLine } from '../report/scenario-line';
import type { ItemVerdict } from '../report/compliance';

export interface JsonRun {
  service: string;
  exitCode: number;
  /** The run's report directory (compliance.md, verdicts.json... are in it). */
  reports: string;
}

/** One object a line: every scenario, then every checklist item, then the run itself. */
export function verdictJsonLines(run: JsonRun, scenarios: ScenarioLine[], items: ItemVerdict[]): string {
  const objects = [
    ...scenarios.map((s) => ({
      kind: 'scenario',
      service: run.service,
      area: s.area,
      tags: s.tags,
      name: s.name,
      verdict: s.verdict,
      reason: s.reason ?? null,
      failedStep: s.failedStep ?? null,
      failures: s.failures,
      diagnostics: s.attachments,
      seconds: Math.round(s.seconds * 10) / 10,
    })),
    ...items.map((v, i) => ({
      kind: 'item',
      service: run.service,
      number: i + 1,
      item: v.item.text,
      verdict: v.verdict,
      reason: v.reason ?? null,
      scenarios: v.scenarios.map((s) => s.name),
    })),
    { kind: 'run', service: run.service, exitCode: run.exitCode, reports: run.reports },
  ];
  return objects.map((o) => `${JSON.stringify(o)}\n`).join('');
}
