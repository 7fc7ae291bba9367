import { formatEvidence, type Evidence } from '../probes/evidence';

export interface Outcome {
  expected: string;
  found: string;
  evidence: Evidence[];
}

/** A check that did not hold: its message says what was expected, what was found, and the proof. */
export class CheckFailed extends Error {
  constructor(readonly outcome: Outcome) {
    super(
      [`expected: ${outcome.expected}`, `found:    ${outcome.found}`, 'evidence:', formatEvidence(outcome.evidence) || '  (none)'].join('\n'),
    );
    this.name = 'CheckFailed';
  }
}

/** Fails the current step with expected/found/evidence unless `holds` is true. */
export function check(holds: boolean, outcome: Outcome): void {
  if (!holds) throw new CheckFailed(outcome);
}
