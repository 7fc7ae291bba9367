// The verdict model: what a checklist item, or a scenario, can end as, and the exit code a
// run's verdicts give. One vocabulary for the console, the reports and the exit code.
import { ExitCode } from '../errors';

/**
 * PASS and FAIL judge the package. N/A: a manifest field makes the check meaningless (named).
 * BLOCKED: a precondition failed (named, with the item that judges it). ENVIRONMENT: the host
 * or the engine could not give the answer, never the package's fault. MANUAL: a person
 * checks it. NOT RUN: only when the user's --tags left it out.
 */
export const VERDICTS = ['PASS', 'FAIL', 'N/A', 'BLOCKED', 'ENVIRONMENT', 'MANUAL', 'NOT RUN'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** What a scenario can end as (MANUAL and NOT RUN belong to checklist items only). */
export type ScenarioVerdict = Extract<Verdict, 'PASS' | 'FAIL' | 'N/A' | 'BLOCKED' | 'ENVIRONMENT'>;

/** Several scenarios decide one item: the worst one wins; N/A only when all are N/A. */
const SEVERITY: ScenarioVerdict[] = ['FAIL', 'BLOCKED', 'ENVIRONMENT', 'PASS', 'N/A'];

export function worstOf(verdicts: ScenarioVerdict[]): ScenarioVerdict | undefined {
  return SEVERITY.find((v) => verdicts.includes(v));
}

/**
 * 0 when every applicable, selected, machine-checkable item and extra check passed; 1 when
 * one failed or was blocked; 3 when nothing failed but the host could not answer a check.
 */
export function exitCodeOf(verdicts: Verdict[]): number {
  if (verdicts.some((v) => v === 'FAIL' || v === 'BLOCKED')) return ExitCode.checkFailed;
  if (verdicts.includes('ENVIRONMENT')) return ExitCode.environment;
  return ExitCode.passed;
}

/** "3 pass, 1 fail, ..." over every verdict kind, zeros included, so nothing goes uncounted. */
export function countVerdicts(verdicts: Verdict[]): string {
  return VERDICTS.map((kind) => `${verdicts.filter((v) => v === kind).length} ${kind === 'N/A' ? 'not applicable' : kind.toLowerCase()}`).join(', ');
}
