import { formatEvidence, type Evidence } from '../probes/evidence';
import { redact } from '../secrets/redaction';

export interface Outcome {
  expected: string;
  found: string;
  evidence: Evidence[];
}

/** A check that did not hold: its message says what was expected, what was found, and the proof (secrets masked). */
export class CheckFailed extends Error {
  constructor(readonly outcome: Outcome) {
    super(
      redact(
        [`expected: ${outcome.expected}`, `found:    ${outcome.found}`, 'evidence:', formatEvidence(outcome.evidence) || '  (none)'].join('\n'),
      ),
    );
    this.name = 'CheckFailed';
  }
}

/** Fails the current step with expected/found/evidence unless `holds` is true. */
export function check(holds: boolean, outcome: Outcome): void {
  if (!holds) throw new CheckFailed(outcome);
}
