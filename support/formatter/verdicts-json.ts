import type { ScenarioLine } from '../report/scenario-line';
import type { ItemVerdict } from '../report/compliance';
import type { RunRecord } from './run-record';

/** The run's verdicts as data (reports/SERVICE/verdicts.json): what scripts and the self-tests compare. */
export function verdictsJson(run: RunRecord, exitCode: number, items: ItemVerdict[], beyond: ScenarioLine[]): string {
  const { service, tags, ...facts } = run;
  return `${JSON.stringify(
    {
      service,
      tags: tags ?? null,
      exitCode,
      run: { ...facts, seconds: Math.round(facts.seconds * 10) / 10 },
      checklist: items.map((v, i) => ({ number: i + 1, item: v.item.text, verdict: v.verdict, reason: v.reason ?? null })),
      beyond: beyond.map((s) => ({ scenario: s.name, area: s.area, verdict: s.verdict, reason: s.reason ?? null })),
    },
    null,
    2,
  )}\n`;
}
