import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes a file whole: the content goes to a file aside (this process's, so concurrent writers
 * never share one), then is renamed over the target, so a reader sees the old file or the new
 * one, never half of it.
 */
export function writeFileWhole(path: string, content: string | Buffer, mode?: number): void {
  const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(aside, content, { mode });
    renameSync(aside, path);
  } catch (error) {
    rmSync(aside, { force: true });
    throw error;
  }
}
