/** Exit codes of the harness: what a CI job branches on. */
export const ExitCode = {
  passed: 0,
  checkFailed: 1,
  usage: 2,
  /** Nothing failed, but the host or engine could not answer some check (ENVIRONMENT verdicts). */
  environment: 3,
  /** 128 + signal number, as shells report a command ended by SIGINT or SIGTERM. */
  interrupted: 130,
  terminated: 143,
} as const;

export type ErrorKind = 'usage' | 'configuration' | 'environment';

/**
 * An error the user can fix: bad option, invalid manifest, no Docker Engine...
 * It always says what is wrong and how to fix it, and exits with code 2.
 */
export class HarnessError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`${kind} error: ${problem}\n  fix: ${fix}`);
    this.name = 'HarnessError';
  }
}

export function isHarnessError(error: unknown): error is HarnessError {
  return error instanceof HarnessError;
}
