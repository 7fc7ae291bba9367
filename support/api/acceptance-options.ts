// What a run of the harness is asked to do: the options the CLI parses and the API takes.

export const SUITES = ['trixie', 'bookworm'] as const;
export type Suite = (typeof SUITES)[number];

export interface Shard {
  index: number;
  total: number;
}

export interface AcceptanceOptions {
  service?: string;
  all: boolean;
  shard?: Shard;
  parallel: number;
  manifest?: string;
  package?: string;
  debian: Suite;
  tags?: string;
  /** How many cucumber workers (they share the run's installed host); as api/workers.ts says when absent. */
  workers?: number;
  /** Where reports/SERVICE/ goes (absolute). */
  reportsDir: string;
  keep: boolean;
  /** Keep the hosts of a run that did not pass (a FAIL, BLOCKED or ENVIRONMENT verdict). */
  keepOnFailure: boolean;
  verbose: boolean;
  cleanup: boolean;
  /** With --cleanup: only this run's resources, kept hosts included. */
  cleanupRun?: string;
  /** Regular expressions on scenario names (cucumber's --name): a scenario matching any runs. */
  name?: string[];
  /** Stop the run at the first failed scenario (cucumber's failFast). */
  failFast: boolean;
  /** Print the scenarios that would run, with their checklist item, and start nothing. */
  list: boolean;
  /** Every wait multiplied by this factor (WAZO_ACCEPTANCE_TIMEOUT_SCALE's value when given). */
  timeoutScale?: number;
  /** text: the console lines for people; json: JSON Lines on stdout for scripts. */
  format: OutputFormat;
  /** A checkout of the documentation site (absolute): items 13 and 15 are judged against it. */
  docs?: string;
  /** The arguments as given: the reports record the command that ran. */
  argv: string[];
}

export const FORMATS = ['text', 'json'] as const;
export type OutputFormat = (typeof FORMATS)[number];

/** The services of one slice: round-robin over the sorted names, so slices stay balanced. */
export function shardOf(names: string[], shard: Shard | undefined): string[] {
  return shard ? names.filter((_, k) => k % shard.total === shard.index - 1) : names;
}

/**
 * A feature of one service's own (features/services/NAME/) is tagged @per-service and with
 * the service's name: a run keeps only its own service's. The generic features take every
 * per-service fact from the manifest. The documentation checks (@docs) need --docs.
 */
export function tagExpression(userTags: string | undefined, service: string, docs: boolean): string {
  const ownRows = `(not @per-service or @${service})${docs ? '' : ' and not @docs'}`;
  return userTags ? `(${userTags}) and ${ownRows}` : ownRows;
}
