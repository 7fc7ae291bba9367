import { HarnessError } from '../errors';

/** commander's message for a bad command line, worded as the harness words a usage error (with the fix). */
export function usageErrorOf(commanderMessage: string, command: string): HarnessError {
  return new HarnessError('usage', commanderMessage.replace(/^error: /, ''), `see \`npm run ${command} -- --help\``);
}
