// How one scenario's step results become its verdict. A scenario skips whole (a Before hook
// found it not applicable) or not at all; a failure in a Given is a precondition that
// blocked the check, not the check's own failure; an EnvironmentLimit is the host's, never
// the package's.
import { TestStepResultStatus } from '@cucumber/messages';
import { NOT_APPLICABLE } from '../checks/applicability';
import type { ScenarioVerdict } from './verdict';

export type StepKind = 'hook' | 'precondition' | 'action' | 'outcome';

export interface StepOutcome {
  kind: StepKind;
  /** The step as written, without its keyword (or the hook's name). */
  text: string;
  /** Its Gherkin keyword as written ("Given ", "And "...), empty for a hook. */
  keyword: string;
  status: TestStepResultStatus;
  /** The type of the error that failed it (CheckFailed, EnvironmentLimit, Error...). */
  errorType?: string;
  message?: string;
}

export interface ScenarioJudgement {
  verdict: ScenarioVerdict;
  /** Why, for N/A, BLOCKED and ENVIRONMENT. */
  reason?: string;
  /** The step that decided a FAIL, BLOCKED or ENVIRONMENT. */
  decisiveStep?: StepOutcome;
  /** For BLOCKED: the checklist item that judges the failed precondition (the reports link to its failure). */
  judgedBy?: string;
}

export const INSTALL_ITEM = 'The service is correctly installed on a fresh install';

/** Preconditions whose failure a checklist item judges: a blocked scenario points to it. */
const JUDGED_BY: Record<string, string> = {
  'the service is installed on a Wazo host': INSTALL_ITEM,
  'the service is installed on a Wazo host of its own': INSTALL_ITEM,
  'the service package has been installed on a fresh Wazo host': INSTALL_ITEM,
  'the previous version of the service is installed on a Wazo host of its own': INSTALL_ITEM,
  'the service is running': INSTALL_ITEM,
};

const BROKEN: TestStepResultStatus[] = [
  TestStepResultStatus.FAILED,
  TestStepResultStatus.AMBIGUOUS,
  TestStepResultStatus.UNDEFINED,
  TestStepResultStatus.PENDING,
  TestStepResultStatus.UNKNOWN,
];

/** The one line of a check's message that says what was found (or the message's first line). */
export function foundLine(message: string | undefined): string {
  const lines = (message ?? '').split('\n');
  return (lines.find((l) => l.startsWith('found:'))?.replace(/^found:\s*/, '') ?? lines[0] ?? '').trim();
}

export function stepLabel(step: StepOutcome): string {
  return step.kind === 'hook' ? `hook ${step.text}` : `${step.keyword}${step.text}`;
}

export function judgeScenario(steps: StepOutcome[], notes: string[]): ScenarioJudgement {
  const broken = steps.find((s) => BROKEN.includes(s.status));
  if (broken) {
    if (broken.errorType === 'EnvironmentLimit') return { verdict: 'ENVIRONMENT', reason: `the host cannot answer: ${foundLine(broken.message)}`, decisiveStep: broken };
    if (broken.kind === 'hook') return { verdict: 'ENVIRONMENT', reason: `the harness's own ${broken.text} hook failed: ${foundLine(broken.message)}`, decisiveStep: broken };
    if (broken.kind === 'precondition' && broken.status === TestStepResultStatus.FAILED) {
      const judge = JUDGED_BY[broken.text];
      return {
        verdict: 'BLOCKED',
        reason: `precondition "${stepLabel(broken).trim()}" failed: ${foundLine(broken.message)}` + (judge ? ` (judged by "${judge}")` : ''),
        decisiveStep: broken,
        ...(judge ? { judgedBy: judge } : {}),
      };
    }
    return { verdict: 'FAIL', decisiveStep: broken };
  }
  const own = steps.filter((s) => s.kind !== 'hook');
  const skipped = own.filter((s) => s.status === TestStepResultStatus.SKIPPED);
  const notApplicable = notes.find((n) => n.startsWith(NOT_APPLICABLE));
  if (own.length > 0 && skipped.length === own.length && notApplicable) return { verdict: 'N/A', reason: notApplicable.slice(NOT_APPLICABLE.length) };
  if (skipped.length > 0) {
    // A check that started and did not finish must never read as a pass or as not applicable.
    const first = skipped[0];
    return { verdict: 'FAIL', reason: `harness bug: step "${stepLabel(first).trim()}" was skipped without a failure before it`, decisiveStep: first };
  }
  return { verdict: 'PASS' };
}
