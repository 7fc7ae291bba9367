import { isAbsolute, relative } from 'node:path';

/** A path as the user would type it from where they stand: relative inside the cwd, absolute outside. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}
