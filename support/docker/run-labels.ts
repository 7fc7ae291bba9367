import { randomBytes } from 'node:crypto';

/** Every container the harness creates carries these labels, so that cleanup can find them. */
export const LABEL = {
  harness: 'org.wazo-platform.acceptance',
  run: 'org.wazo-platform.acceptance.run',
  pid: 'org.wazo-platform.acceptance.pid',
  startedAt: 'org.wazo-platform.acceptance.started-at',
  keep: 'org.wazo-platform.acceptance.keep',
} as const;

export interface RunIdentity {
  id: string;
  pid: number;
  startedAt: number;
}

/** A run id: 4 random bytes in hexadecimal. */
export const RUN_ID = /^[0-9a-f]{8}$/;

export function newRunIdentity(): RunIdentity {
  return { id: randomBytes(4).toString('hex'), pid: process.pid, startedAt: Date.now() };
}

export function runLabels(run: RunIdentity): Record<string, string> {
  return {
    [LABEL.harness]: 'true',
    [LABEL.run]: run.id,
    [LABEL.pid]: String(run.pid),
    [LABEL.startedAt]: String(run.startedAt),
  };
}

/** Whether a run's process still exists on this machine (the engine is local to it). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A run's directory in the machine's temporary directory (the workers' handoff) is named after
 * its process and id, so that the janitor can tell a dead run's leftover from a live one's.
 */
export const RUN_DIR_PREFIX = 'wazo-acceptance-run-';

export function runDirPrefix(run: RunIdentity): string {
  return `${RUN_DIR_PREFIX}${run.pid}-${run.id}-`;
}

/** The run's process and id, read back from a directory's name; undefined for other names. */
export function runOfDir(name: string): { pid: number; id: string } | undefined {
  const match = new RegExp(`^${RUN_DIR_PREFIX}(\\d+)-([0-9a-f]+)-`).exec(name);
  return match ? { pid: Number(match[1]), id: match[2] } : undefined;
}
