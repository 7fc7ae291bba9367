// The no-flake gate of issue 14: N warm runs of one service in a row, as a user runs them,
// must give N identical verdict tables (exit code, every checklist item, every check beyond
// it). Faster must not mean flakier: a difference names the run, the item and both verdicts.
//
//   npm run repeat-verdicts -- [--service wazo-foo] [--runs 20] [-- EXTRA HARNESS ARGS]
import { Command, InvalidArgumentError } from 'commander';
import { exitOnUsageError } from '../support/cli/usage-error';
import { describeRepeat, repeatVerdicts } from './verdict-repeats';

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 2) throw new InvalidArgumentError('give a whole number of runs, at least 2 (e.g. --runs 20)');
  return n;
}

const program = new Command('npm run repeat-verdicts --')
  .description('Runs one service N times in a row and checks that every run gives the same verdict table.')
  .option('--service <name>', 'the service to check', 'wazo-foo')
  .option('--runs <n>', 'how many runs (at least 2)', positive, 20)
  .argument('[harness-args...]', 'more arguments for each run (after --), e.g. --tags @user');
exitOnUsageError(program, 'repeat-verdicts').parse();

const { service, runs } = program.opts<{ service: string; runs: number }>();
const extra = program.args;

async function main(): Promise<number> {
  const done = await repeatVerdicts(service, runs, extra, (run) => console.log(describeRepeat(run, runs)));
  const identical = done.filter((run) => run.ok).length;
  console.log(`${identical}/${runs} runs gave run 1's verdict table`);
  return identical === runs ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  },
);
