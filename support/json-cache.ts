// What the harness keeps between runs on the machine running it, in build/cache/NAME/: JSON
// files written whole, read back only when whole and of the expected shape (anything else is a
// miss, rewritten by the next write). `rm -r build/cache/NAME` forgets them.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PATHS } from './paths';
import { writeFileWhole } from './whole-file';

export function cacheDir(name: string): string {
  return join(PATHS.cache, name);
}

/** What `file` keeps, when `isKept` accepts it; undefined when it is missing, cut short or of another shape. */
export function readKept<T>(file: string, isKept: (value: unknown) => value is T): T | undefined {
  try {
    const kept: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return isKept(kept) ? kept : undefined;
  } catch {
    return undefined;
  }
}

/** Writes `value` whole to `file`; a cache that cannot be written costs the next run the work, nothing else. */
export function keep(file: string, value: unknown): void {
  try {
    writeFileWhole(file, `${JSON.stringify(value, null, 2)}\n`);
  } catch {
    // See above: nothing to undo.
  }
}

/**
 * The JSON answer of a pure computation that costs CPU, kept under the sha256 of everything it
 * depends on: a run with the same inputs reads it instead of computing it again.
 */
export async function cachedAnswer<T>(
  name: string,
  inputs: readonly string[],
  isAnswer: (value: unknown) => value is T,
  compute: () => Promise<T>,
  dir = cacheDir(name),
): Promise<T> {
  const digest = createHash('sha256');
  for (const input of inputs) digest.update(input).update('\0');
  const file = join(dir, `${digest.digest('hex')}.json`);
  const kept = readKept(file, isAnswer);
  if (kept !== undefined) return kept;
  const answer = await compute();
  keep(file, answer);
  return answer;
}
