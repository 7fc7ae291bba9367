import { basename, dirname } from 'node:path';
import type Docker from 'dockerode';
import { displayPath } from '../display-path';
import { runOneShot } from '../docker/one-shot';
import type { RunIdentity } from '../docker/run-labels';
import { HarnessError } from '../errors';

/**
 * Reads a whole package and its Package field with dpkg-deb (in a throwaway container of the base image,
 * so it works where dpkg is absent) before any host boots: a truncated or corrupt .deb, or
 * one of another package than the manifest's, is a configuration error, not a failed check.
 */
export async function assertPackageIdentity(docker: Docker, baseImage: string, run: RunIdentity, file: string, expectedName: string): Promise<void> {
  const inContainer = `/pkg/${basename(file)}`;
  const { exitCode, output } = await runOneShot(docker, run, {
    image: baseImage,
    // --fsys-tarfile reads the whole data member: a truncated archive fails here, not in apt.
    command: ['sh', '-c', 'dpkg-deb --fsys-tarfile "$0" >/dev/null && dpkg-deb --field "$0" Package', inContainer],
    binds: [`${dirname(file)}:/pkg:ro`],
  });
  if (exitCode !== 0) {
    throw new HarnessError(
      'configuration',
      `${displayPath(file)} is not a readable Debian package (dpkg-deb exited ${exitCode}):\n  ${output.trim().split('\n').join('\n  ')}`,
      'rebuild the package (it may be truncated or corrupt), or give another one with --package',
    );
  }
  const name = output.trim();
  if (name !== expectedName) {
    throw new HarnessError(
      'configuration',
      `${displayPath(file)} is package "${name}", but the manifest describes package "${expectedName}"`,
      `give the ${expectedName} package with --package, or check the manifest's package.name (or name) field`,
    );
  }
}
