import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Files under a directory, relative and sorted: the build context and the hash see the same list. */
export function listFiles(directory: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? walk(path) : [path];
    });
  return walk(directory)
    .map((path) => relative(directory, path))
    .sort();
}

/**
 * A short hash of a directory's files (names, modes and contents) plus extra inputs:
 * an image or package tagged with it is rebuilt only when one of its inputs changed.
 */
export function contentHash(directories: string[], extra: string[] = [], include: (file: string) => boolean = () => true): string {
  const hash = createHash('sha256');
  for (const directory of directories) {
    for (const file of listFiles(directory).filter(include)) {
      const path = join(directory, file);
      hash.update(`${file}\0${statSync(path).mode & 0o111 ? 'x' : '-'}\0`);
      hash.update(readFileSync(path));
    }
  }
  for (const value of extra) hash.update(`\0${value}`);
  return hash.digest('hex').slice(0, 12);
}
