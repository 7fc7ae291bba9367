// The `npm run acceptance` command: the command line parsed, the API called (support/api/),
// its result or error mapped to the exit code.

import { cleanup } from '../api/engine';
import { listChecks } from '../api/plan';
import { applyTimeoutScale, runAcceptance } from '../api/run-acceptance';
import { ExitCode, isHarnessError } from '../errors';
import { isInterrupted } from '../interrupts';
import { parseOptions } from './options';

async function main(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  if (!options) return ExitCode.passed;
  applyTimeoutScale(options); // first: a bad WAZO_ACCEPTANCE_TIMEOUT_SCALE is a usage error whatever the command
  if (options.cleanup) {
    await cleanup(options.cleanupRun);
    return ExitCode.passed;
  }
  if (options.list) {
    process.stdout.write(listChecks(options));
    return ExitCode.passed;
  }
  // --all starts this command once per service.
  return (await runAcceptance(options, { serviceCommand: __filename })).exitCode;
}

// `npm run acceptance -- --help | head` closes stdout early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    if (!isInterrupted()) process.exit(code);
  },
  (error: unknown) => {
    // Work torn down by an interruption fails in its own way: the signal handler reports and exits.
    if (isInterrupted()) return;
    if (isHarnessError(error)) {
      process.stderr.write(`${error.message}\n`);
      process.exit(ExitCode.usage);
    }
    process.stderr.write(`internal error (please report it): ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(ExitCode.usage);
  },
);
