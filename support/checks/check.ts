import { formatEvidence, type Evidence } from '../probes/evidence';
import { redact } from '../secrets/redaction';

export interface Outcome {
  expected: string;
  found: string;
  evidence: Evidence[];
}

function describe(outcome: Outcome): string {
  return redact([`expected: ${outcome.expected}`, `found:    ${outcome.found}`, 'evidence:', formatEvidence(outcome.evidence) || '  (none)'].join('\n'));
}

/** A check that did not hold: its message says what was expected, what was found, and the proof (secrets masked). */
export class CheckFailed extends Error {
  constructor(readonly outcome: Outcome) {
    super(describe(outcome));
    this.name = 'CheckFailed';
  }
}

/**
 * The host or the engine cannot give the answer (a host that is not Debian stable, a host
 * that did not boot): the check ends ENVIRONMENT, never blamed on the package.
 */
export class EnvironmentLimit extends Error {
  constructor(readonly outcome: Outcome) {
    super(describe(outcome));
    this.name = 'EnvironmentLimit';
  }
}

/** Fails the current step with expected/found/evidence unless `holds` is true; past it, the compiler knows `holds`. */
export function check(holds: boolean, outcome: Outcome): asserts holds {
  if (!holds) throw new CheckFailed(outcome);
}

/** Ends the current step as ENVIRONMENT unless the host can give the answer (`holds`). */
export function requireEnvironment(holds: boolean, outcome: Outcome): void {
  if (!holds) throw new EnvironmentLimit(outcome);
}
