// N warm runs of one service in a row, as a user runs them, each compared with run 1's verdict
// table (exit code, every checklist item, every check beyond it): issue 14's no-flake gate,
// for `npm run repeat-verdicts` and the bench's `repeat` section.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PATHS } from '../support/paths';
import { readRunVerdicts, tableDifferences, tableOf, type VerdictTable } from '../test/verdict-tables';
import { acceptance, type Measured } from './harness-side';
import { cpuSplit, cpuStates, describeCpuSplit, type CpuSplit } from './machine-cpu';
import { median } from './timing';

/** A run this many times slower than the median of the runs before it is a stall worth reading. */
const STALL_FACTOR = 2;

export interface RepeatedRun extends Measured {
  /** 1-based. */
  index: number;
  exit: number;
  /** What differs from run 1's table (empty: the same table). */
  differences: string[];
  /** Where its reports were kept (a differing or stalled run), if they were. */
  kept?: string;
  /**
   * Where the machine's CPUs went during the run: a stall with idle CPUs is the harness or a
   * host waiting, one with steal or unaccounted time is the VM not running.
   */
  machine: CpuSplit;
}

/**
 * Whether a run took more than STALL_FACTOR times the median of the runs before it (run 1 is
 * never one: it has nothing to compare with). Its verdicts may still be run 1's; its
 * cucumber.ndjson says which step waited (a run of 105.7 s among runs of 28 s, 2026-12-07,
 * left nothing to read).
 */
export function stalled(ms: number, before: number[]): boolean {
  return before.length > 0 && ms > STALL_FACTOR * median(before);
}

/** Runs `service` `runs` times in a row; `onRun` hears of each run as it ends. */
export async function repeatVerdicts(service: string, runs: number, extra: readonly string[], onRun: (run: RepeatedRun) => void): Promise<RepeatedRun[]> {
  const reports = mkdtempSync(join(tmpdir(), 'wazo-repeat-verdicts-'));
  try {
    let first: VerdictTable | undefined;
    const done: RepeatedRun[] = [];
    for (let index = 1; index <= runs; index++) {
      const reportsDir = join(reports, String(index));
      const before = cpuStates();
      const run = await acceptance(['--service', service, '--reports-dir', reportsDir, ...extra]);
      const machine = cpuSplit(before, cpuStates(), run.ms);
      const verdicts = readRunVerdicts(reportsDir, service, run.detail);
      first ??= tableOf(verdicts);
      const repeated: RepeatedRun = { ...run, index, exit: verdicts.exitCode, differences: tableDifferences(first, verdicts), machine };
      // A run that gives run 1's table is a success here, whatever its exit code.
      repeated.ok = repeated.differences.length === 0;
      if (!repeated.ok || stalled(run.ms, done.map((d) => d.ms))) {
        repeated.kept = join(PATHS.reports, 'repeat-verdicts', `${service}-${new Date().toISOString().replace(/[:.]/g, '-')}-run${index}`);
        cpSync(reportsDir, repeated.kept, { recursive: true });
      }
      done.push(repeated);
      onRun(repeated);
      rmSync(reportsDir, { recursive: true, force: true });
    }
    return done;
  } finally {
    rmSync(reports, { recursive: true, force: true });
  }
}

/** One line a run: its time and whether it gave run 1's table, or how it differs. */
export function describeRepeat(run: RepeatedRun, runs: number): string {
  const seconds = (run.ms / 1000).toFixed(1);
  const kept = run.kept ? ` (its reports are kept in ${run.kept})` : '';
  const machine = `; machine: ${describeCpuSplit(run.machine)}`;
  return run.differences.length === 0
    ? `run ${run.index}/${runs}: ${seconds} s, exit ${run.exit}, the same verdict table as run 1${kept}${machine}`
    : `run ${run.index}/${runs}: ${seconds} s, differs from run 1 (expected is run 1's verdict)${kept}${machine}:\n  ${run.differences.join('\n  ')}`;
}
