/** What a probe ran in the host and what came back: the proof behind a fact. */
export interface Evidence {
  command: string;
  /** The host user that ran it, or HARNESS_PROCESS for a request the test process sent itself. */
  user: string;
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** A fact about the host together with the evidence it was read from. Probes return these; they never assert. */
export interface Fact<T> {
  value: T;
  evidence: Evidence[];
}

/** Runs commands in a host. Probes depend on this, not on Docker, so they can be tested with a fake. */
export interface Shell {
  run(command: string[], options?: { user?: string }): Promise<Evidence>;
}

/** `Evidence.user` of requests the harness sends from the test process (consul's API, nginx). */
export const HARNESS_PROCESS = 'harness process';

/** A file the harness read on its own machine (a manifest, a table, a requirements.txt), shown as evidence. */
export function harnessFileEvidence(file: string, shown: string): Evidence {
  return { command: `cat ${shellQuote(file)}   # on the machine running the harness`, user: 'root', exitCode: 0, stdout: shown, stderr: '' };
}

/** Some lines of a file on the harness's machine, numbered as an editor shows them, with the command that prints them so. */
export function harnessLinesEvidence(file: string, lines: Array<{ line: number; text: string }>): Evidence {
  const numbers = [...new Set(lines.map((l) => l.line))].sort((a, b) => a - b);
  return {
    command: `grep -n '' ${shellQuote(file)} | sed -n '${numbers.map((n) => `${n}p`).join(';')}'   # on the machine running the harness`,
    user: 'root',
    exitCode: 0,
    stdout: numbers.map((n) => `${n}:${lines.find((l) => l.line === n)?.text ?? ''}`).join('\n'),
    stderr: '',
  };
}

export function fact<T>(value: T, ...evidence: Evidence[]): Fact<T> {
  return { value, evidence };
}

/** A word as a POSIX shell would need it written, so evidence can be pasted into the host. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function commandLine(command: string[]): string {
  return command.map(shellQuote).join(' ');
}

/** The same evidence with only the last lines of its output, where the whole was shown elsewhere. */
export function lastLines(evidence: Evidence, count: number): Evidence {
  const tail = (text: string) => text.trimEnd().split('\n').slice(-count).join('\n');
  return { ...evidence, stdout: tail(evidence.stdout), stderr: tail(evidence.stderr) };
}

const maxLines = 30;

export function formatEvidence(evidence: Evidence[]): string {
  return evidence
    .map((e) => {
      const who = e.user === 'root' ? '' : e.user === HARNESS_PROCESS ? ', from the harness process' : `, as ${e.user}`;
      const output = [e.stdout, e.stderr].map((s) => s.trimEnd()).filter(Boolean).join('\n');
      const lines = output === '' ? ['(no output)'] : output.split('\n');
      const shown = lines.length > maxLines ? [...lines.slice(0, maxLines), `... (${lines.length - maxLines} more lines)`] : lines;
      return [`  $ ${e.command}   [exit ${e.exitCode}${who}]`, ...shown.map((l) => `    ${l}`)].join('\n');
    })
    .join('\n');
}
