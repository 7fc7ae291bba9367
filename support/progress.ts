/** Where long steps (image builds, debootstrap, host boots) report what they are doing. */
export interface Progress {
  /** A step the user should see. */
  step(message: string): void;
  /** A line of a tool's output: shown when verbose, kept for error messages otherwise. */
  detail(line: string): void;
}

/** For callers that show no progress (the self-tests' preparation, the lab by default): a failure still says what failed. */
export const quietProgress: Progress = { step: () => undefined, detail: () => undefined };

export function stderrProgress(verbose: boolean): Progress {
  const started = Date.now();
  const stamp = () => `[${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s]`;
  return {
    step: (message) => process.stderr.write(`${stamp()} ${message}\n`),
    detail: (line) => {
      if (verbose) process.stderr.write(`${stamp()}   | ${line}\n`);
    },
  };
}

/** Remembers the last lines of a tool's output so that a failure can show them. */
export class OutputTail {
  private readonly lines: string[] = [];
  constructor(private readonly size = 40) {}

  push(text: string): void {
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      this.lines.push(line);
      if (this.lines.length > this.size) this.lines.shift();
    }
  }

  toString(): string {
    return this.lines.join('\n');
  }
}
