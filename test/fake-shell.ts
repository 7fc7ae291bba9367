import type { Evidence, Shell } from '../support/probes/evidence';

/** A host that answers each command line from a table, for probes' unit tests. */
export function fakeShell(answers: Record<string, Partial<Evidence>>): Shell {
  return {
    run: async (command, options) => {
      const line = command.join(' ');
      const answer = answers[line] ?? { exitCode: 127, stderr: `not faked: ${line}` };
      return { command: line, user: options?.user ?? 'root', exitCode: 0, stdout: '', stderr: '', ...answer };
    },
  };
}
