import { openSync, readSync, closeSync, statSync } from 'node:fs';
import { displayPath } from '../display-path';
import { HarnessError } from '../errors';

/** A .deb is an ar archive whose first member is debian-binary. */
const AR_MAGIC = '!<arch>\n';

/** Refuses, before any container starts, a package path that cannot be a Debian package. */
export function assertDebianPackage(file: string, role: string): void {
  const shown = displayPath(file);
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw Object.assign(new Error(), { code: 'not a regular file' });
    size = stat.size;
  } catch (error) {
    throw new HarnessError(
      'configuration',
      `the ${role} package ${shown} does not exist (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
      'build the package first, or give its path with --package FILE.deb (or fix the path in the manifest)',
    );
  }
  const header = Buffer.alloc(Math.min(size, 8 + 16));
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  const text = header.toString('latin1');
  if (!text.startsWith(AR_MAGIC) || !text.slice(8).startsWith('debian-binary')) {
    throw new HarnessError(
      'configuration',
      `the ${role} package ${shown} is not a Debian package (no ar archive starting with debian-binary)`,
      'give a .deb built by dpkg-deb or dpkg-buildpackage',
    );
  }
}
