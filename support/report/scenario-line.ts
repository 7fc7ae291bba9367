import type { ScenarioVerdict } from './verdict';

/** One checked item (a scenario) as the reports see it. */
export interface ScenarioLine {
  area: string;
  tags: string[];
  name: string;
  verdict: ScenarioVerdict;
  /** Why, for N/A, BLOCKED and ENVIRONMENT (and a harness bug's FAIL). */
  reason?: string;
  /** The step that failed, with its keyword ("Then the service user is not root"). */
  failedStep?: string;
  seconds: number;
  /** The failed step's message: expected/found/evidence. */
  failures: string[];
  notes: string[];
  /** Diagnostics files; for a FAIL or ENVIRONMENT the first holds the whole failure message. */
  attachments: string[];
  /** For BLOCKED: the checklist item that judges the failed precondition. */
  judgedBy?: string;
}
