import type { Command } from 'commander';
import { ExitCode, HarnessError, isHarnessError } from '../errors';

/** commander's message for a bad command line, worded as the harness words a usage error (with the fix). */
export function usageErrorOf(commanderMessage: string, command: string): HarnessError {
  return new HarnessError('usage', commanderMessage.replace(/^error: /, ''), `see \`npm run ${command} -- --help\``);
}

/** Usage errors read like the other commands': one paragraph with the fix, on stderr, exit 2 (--help exits 0). */
export function exitOnUsageError(program: Command, command: string): Command {
  return program.configureOutput({ writeErr: () => undefined }).exitOverride((error) => {
    if (error.exitCode === 0) process.exit(ExitCode.passed);
    process.stderr.write(`${usageErrorOf(error.message, command).message}\n`);
    process.exit(ExitCode.usage);
  });
}

/** A command's work: a HarnessError is its one paragraph on stderr and exit 2, as in the other commands. */
export function exitOnHarnessError(work: () => void): void {
  try {
    work();
  } catch (error) {
    if (!isHarnessError(error)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(ExitCode.usage);
  }
}
