import { randomBytes } from 'node:crypto';
import { commandLine, type Evidence, type Shell } from './evidence';

export interface BatchCommand {
  command: string[];
  user?: string;
}

/** What one command of a batch printed and how it exited, cut out of the batch's output. */
export interface BatchPart {
  stdout: string;
  stderr: string;
  /** undefined when the batch stopped before the command finished. */
  exitCode?: number;
}

/**
 * One `sh -c` script running the commands one after the other. After each command a marker
 * line (a random nonce, the command's index and, on stdout, its exit status) goes to stdout
 * and to stderr, so each stream can be cut per command. The marker starts with a newline,
 * so a command's output that lacks a final newline is still cut exactly. Each command runs
 * with `exec` in a subshell with stdin closed: like a `docker exec` of its own, it runs the
 * program (no shell builtin or function) and cannot end the batch or read the script.
 */
export function batchScript(commands: string[][], nonce: string): string {
  return commands
    .map((command, index) => `(exec ${commandLine(command)}) </dev/null; printf '\\n${nonce} ${index} %d\\n' $?; printf '\\n${nonce} ${index}\\n' >&2`)
    .join('\n');
}

/** Cuts a batch's stdout and stderr back into one part per command (see batchScript). */
export function parseBatch(stdout: string, stderr: string, count: number, nonce: string): BatchPart[] {
  const outs = cut(stdout, nonce, true);
  const errs = cut(stderr, nonce, false);
  return Array.from({ length: count }, (_, index) => ({
    stdout: outs.get(index)?.text ?? '',
    stderr: errs.get(index)?.text ?? '',
    exitCode: outs.get(index)?.exitCode,
  }));
}

function cut(stream: string, nonce: string, withExitCode: boolean): Map<number, { text: string; exitCode?: number }> {
  const marker = new RegExp(`\\n${nonce} (\\d+)${withExitCode ? ' (\\d+)' : ''}\\n`, 'g');
  const parts = new Map<number, { text: string; exitCode?: number }>();
  let start = 0;
  for (const match of stream.matchAll(marker)) {
    parts.set(Number(match[1]), { text: stream.slice(start, match.index), exitCode: withExitCode ? Number(match[2]) : undefined });
    start = match.index! + match[0].length;
  }
  // Output after the last marker belongs to a command that did not finish.
  if (start < stream.length) parts.set(parts.size === 0 ? 0 : Math.max(...parts.keys()) + 1, { text: stream.slice(start) });
  return parts;
}

/**
 * A Shell that runs many commands in ONE host command per user instead of one each (a round
 * trip to the host costs more than a command like `stat`). Each command still gets an
 * Evidence of its own, with its own exit code, stdout and stderr, as if run alone, so probes
 * keep returning facts with evidence unchanged.
 *
 * `run` queues the command and sends the queue at the next turn of the event loop: probes
 * started together (`Promise.all`) share one exec. `runAll` sends a given list at once.
 */
export class BatchShell implements Shell {
  private queue: Array<BatchCommand & { settle: (evidence: Evidence) => void; fail: (error: unknown) => void }> = [];
  /** How many execs the batches took, for the bench and the specs. */
  execs = 0;

  constructor(
    private readonly host: Shell,
    private readonly newNonce: () => string = () => `--batch-${randomBytes(8).toString('hex')}--`,
  ) {}

  run(command: string[], options: { user?: string } = {}): Promise<Evidence> {
    return new Promise((settle, fail) => {
      if (this.queue.length === 0) setImmediate(() => this.flush());
      this.queue.push({ command, user: options.user, settle, fail });
    });
  }

  async runAll(commands: BatchCommand[]): Promise<Evidence[]> {
    const byUser = new Map<string, number[]>();
    commands.forEach(({ user = 'root' }, index) => byUser.set(user, [...(byUser.get(user) ?? []), index]));
    const results: Evidence[] = new Array(commands.length);
    await Promise.all(
      [...byUser].map(async ([user, indexes]) => {
        const evidence = await this.runGroup(indexes.map((i) => commands[i].command), user);
        indexes.forEach((i, position) => (results[i] = evidence[position]));
      }),
    );
    return results;
  }

  private async runGroup(commands: string[][], user: string): Promise<Evidence[]> {
    const nonce = this.newNonce();
    this.execs++;
    const batch = await this.host.run(['sh', '-c', batchScript(commands, nonce)], { user });
    return parseBatch(batch.stdout, batch.stderr, commands.length, nonce).map((part, index) => ({
      command: commandLine(commands[index]),
      user,
      stdout: part.stdout,
      // A command the batch never finished says why: the batch's own exit and error output.
      stderr:
        part.exitCode === undefined
          ? [part.stderr.trimEnd(), `(the batch stopped before this command finished: the batch exited ${batch.exitCode})`].filter(Boolean).join('\n')
          : part.stderr,
      exitCode: part.exitCode ?? -1,
    }));
  }

  private flush(): void {
    const queued = this.queue;
    this.queue = [];
    this.runAll(queued).then(
      (evidence) => queued.forEach((entry, index) => entry.settle(evidence[index])),
      (error: unknown) => queued.forEach((entry) => entry.fail(error)),
    );
  }
}
