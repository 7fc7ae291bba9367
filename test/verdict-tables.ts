// An example's whole expected verdict table (examples/**/expected.yml) and the table a run
// wrote (reports/SERVICE/verdicts.json), compared item by item, so that a broken example
// must fail its rule and only it, and no other item may quietly change its verdict.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { VERDICTS, type Verdict } from '../support/report/verdict';

export interface VerdictTable {
  exit: number;
  /** Checklist item number (the guidelines' order) -> verdict. */
  checklist: Record<string, Verdict>;
  /** Scenario name -> verdict, for the checks beyond the checklist. */
  beyond: Record<string, Verdict>;
}

export interface ExpectedTable extends VerdictTable {
  /** The --tags the self-test runs the example with (all areas when absent). */
  tags?: string;
}

export interface RunVerdicts {
  exitCode: number;
  checklist: Array<{ number: number; item: string; verdict: Verdict; reason: string | null }>;
  beyond: Array<{ scenario: string; verdict: Verdict; reason: string | null }>;
}

function asVerdicts(value: unknown, where: string): Record<string, Verdict> {
  const entries = Object.entries((value ?? {}) as Record<string, unknown>);
  for (const [key, verdict] of entries) {
    if (!VERDICTS.includes(verdict as Verdict)) throw new Error(`${where}: ${key}: "${String(verdict)}" is not a verdict (${VERDICTS.join(', ')})`);
  }
  return Object.fromEntries(entries) as Record<string, Verdict>;
}

export function readExpectedTable(file: string): ExpectedTable {
  const doc = parse(readFileSync(file, 'utf8')) as { tags?: string; exit?: number; checklist?: unknown; beyond?: unknown };
  if (typeof doc.exit !== 'number') throw new Error(`${file}: exit (the expected exit code) is missing`);
  const checklist = asVerdicts(doc.checklist, `${file} checklist`);
  if (Object.keys(checklist).length !== 21) throw new Error(`${file}: checklist must give all 21 items, it gives ${Object.keys(checklist).length}`);
  return { tags: doc.tags, exit: doc.exit, checklist, beyond: asVerdicts(doc.beyond, `${file} beyond`) };
}

/** The verdicts a run wrote; when it wrote none, the error carries the run's output (`context`) to say why. */
export function readRunVerdicts(reportsDir: string, service: string, context = ''): RunVerdicts {
  const file = join(reportsDir, service, 'verdicts.json');
  if (!existsSync(file)) throw new Error(`the run wrote no ${file}:\n${context}`);
  return JSON.parse(readFileSync(file, 'utf8')) as RunVerdicts;
}

/** A run's verdicts as a table, to compare another run with it (bench/repeat-verdicts.ts). */
export function tableOf(run: RunVerdicts): VerdictTable {
  return {
    exit: run.exitCode,
    checklist: Object.fromEntries(run.checklist.map((item) => [String(item.number), item.verdict])),
    beyond: Object.fromEntries(run.beyond.map((b) => [b.scenario, b.verdict])),
  };
}

/** Every difference between the expected table and the run's, one line each (with the run's reason). */
export function tableDifferences(expected: VerdictTable, run: RunVerdicts): string[] {
  const differences: string[] = [];
  if (run.exitCode !== expected.exit) differences.push(`exit: expected ${expected.exit}, the run gave ${run.exitCode}`);
  for (const item of run.checklist) {
    const want = expected.checklist[String(item.number)];
    if (want !== item.verdict) differences.push(`item ${item.number} (${item.item}): expected ${want}, found ${item.verdict}${item.reason ? ` (${item.reason})` : ''}`);
  }
  const found = new Map(run.beyond.map((b) => [b.scenario, b]));
  for (const name of new Set([...Object.keys(expected.beyond), ...found.keys()])) {
    const got = found.get(name);
    if (expected.beyond[name] !== got?.verdict) differences.push(`beyond "${name}": expected ${expected.beyond[name] ?? 'nothing'}, found ${got?.verdict ?? 'nothing'}${got?.reason ? ` (${got.reason})` : ''}`);
  }
  return differences;
}
