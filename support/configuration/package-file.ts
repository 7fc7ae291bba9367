import { statSync } from 'node:fs';
import { displayPath } from '../display-path';
import { HarnessError } from '../errors';
import { readDebStructure } from './deb-archive';

/**
 * Refuses, before any engine is asked, a package path that cannot be a whole Debian package;
 * `whenMissing` is the fix for a file that is not there (by default: build it or give it).
 */
export function assertDebianPackage(file: string, role: string, whenMissing = 'build the package first, or give its path with --package FILE.deb (or fix the path in the manifest)'): void {
  const shown = displayPath(file);
  let isFile: boolean;
  try {
    isFile = statSync(file).isFile();
  } catch (error) {
    throw new HarnessError(
      'configuration',
      `the ${role} package ${shown} does not exist (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
      whenMissing,
    );
  }
  if (!isFile) {
    throw new HarnessError(
      'configuration',
      `the ${role} package ${shown} is a directory (or another kind of file), not a .deb file`,
      'give the path of the .deb itself, e.g. --package DIR/NAME_VERSION_all.deb',
    );
  }
  const { problem } = readDebStructure(file);
  if (problem?.kind === 'not-a-deb') {
    throw new HarnessError('configuration', `the ${role} package ${shown} is not a Debian package (${problem.detail})`, 'give a .deb built by dpkg-deb or dpkg-buildpackage');
  }
  if (problem?.kind === 'truncated') {
    throw new HarnessError(
      'configuration',
      `the ${role} package ${shown} is truncated or corrupt: ${problem.detail}`,
      'rebuild the package, or copy it again (an interrupted download or copy leaves a short file)',
    );
  }
}
