// N warm runs of one service in a row, as a user runs them, each compared with run 1's verdict
// table (exit code, every checklist item, every check beyond it): issue 14's no-flake gate,
// for `npm run repeat-verdicts` and the bench's `repeat` section.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRunVerdicts, tableDifferences, tableOf, type VerdictTable } from '../test/verdict-tables';
import { acceptance, type Measured } from './harness-side';

export interface RepeatedRun extends Measured {
  /** 1-based. */
  index: number;
  exit: number;
  /** What differs from run 1's table (empty: the same table). */
  differences: string[];
}

/** Runs `service` `runs` times in a row; `onRun` hears of each run as it ends. */
export async function repeatVerdicts(service: string, runs: number, extra: readonly string[], onRun: (run: RepeatedRun) => void): Promise<RepeatedRun[]> {
  const reports = mkdtempSync(join(tmpdir(), 'wazo-repeat-verdicts-'));
  try {
    let first: VerdictTable | undefined;
    const done: RepeatedRun[] = [];
    for (let index = 1; index <= runs; index++) {
      const reportsDir = join(reports, String(index));
      const run = await acceptance(['--service', service, '--reports-dir', reportsDir, ...extra]);
      const verdicts = readRunVerdicts(reportsDir, service, run.detail);
      first ??= tableOf(verdicts);
      const repeated = { ...run, index, exit: verdicts.exitCode, differences: tableDifferences(first, verdicts) };
      // A run that gives run 1's table is a success here, whatever its exit code.
      repeated.ok = repeated.differences.length === 0;
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
  return run.differences.length === 0
    ? `run ${run.index}/${runs}: ${seconds} s, exit ${run.exit}, the same verdict table as run 1`
    : `run ${run.index}/${runs}: ${seconds} s, differs from run 1 (expected is run 1's verdict):\n  ${run.differences.join('\n  ')}`;
}
