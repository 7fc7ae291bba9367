import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The project's directory (the one with package.json), found from this file's place: the same
 * whether the code runs from its sources or from the emit in build/js/<hash>/
 * (scripts/run-compiled.js), where a fixed number of `..` would point inside build/.
 */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PROJECT_ROOT = projectRoot(__dirname);

/** The harness's version is package.json's: one place to bump (--version and the reports). */
export function harnessVersion(): string {
  return (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
