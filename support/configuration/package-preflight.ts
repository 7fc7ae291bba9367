import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type Docker from 'dockerode';
import { displayPath } from '../display-path';
import { runOneShot } from '../docker/one-shot';
import type { RunIdentity } from '../docker/run-labels';
import { HarnessError } from '../errors';
import { writeFileWhole } from '../whole-file';

/**
 * Reads a whole package and its Package field with dpkg-deb (in a throwaway container of the base image,
 * so it works where dpkg is absent) before any host boots: a truncated or corrupt .deb, or
 * one of another package than the manifest's, is a configuration error, not a failed check.
 * The name read from a whole package is remembered in `cacheDir` by a hash of its bytes (and
 * of the image that read it): the same bytes read the same, so a warm run of the same .deb
 * starts no container here (about 1 to 3 s each on a 2-core machine). An unreadable package
 * is not remembered: it is read again, and refused again, at each run.
 */
export async function assertPackageIdentity(
  docker: Docker,
  baseImage: string,
  run: RunIdentity,
  file: string,
  expectedName: string,
  cacheDir: string,
): Promise<void> {
  const remembered = join(cacheDir, createHash('sha256').update(`${baseImage}\0`).update(readFileSync(file)).digest('hex'));
  if (!existsSync(remembered)) {
    const read = await readPackageName(docker, baseImage, run, file);
    // Written whole: a run started at the same time never reads half a name.
    writeFileWhole(remembered, read);
  }
  assertPackageName(file, readFileSync(remembered, 'utf8'), expectedName);
}

function assertPackageName(file: string, name: string, expectedName: string): void {
  if (name !== expectedName) {
    throw new HarnessError(
      'configuration',
      `${displayPath(file)} is package "${name}", but the manifest describes package "${expectedName}"`,
      `give the ${expectedName} package with --package, or check the manifest's package.name (or name) field`,
    );
  }
}

function unreadable(file: string, exitCode: number | null, output: string): HarnessError {
  return new HarnessError(
    'configuration',
    `${displayPath(file)} is not a readable Debian package (dpkg-deb exited ${exitCode}):\n  ${output.trim().split('\n').join('\n  ')}`,
    'rebuild the package (it may be truncated or corrupt), or give another one with --package',
  );
}

/** Whether dpkg-deb runs on the machine running the harness (Debian and its derivatives). */
export function hasLocalDpkgDeb(): boolean {
  return spawnSync('dpkg-deb', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * The same check with the machine's own dpkg-deb, before any engine is asked: a package whose
 * content is corrupt, or another package's, is refused even when no Docker Engine runs.
 */
export function assertPackageIdentityLocally(file: string, expectedName: string): void {
  // --fsys-tarfile reads the whole data member: a corrupt archive fails here, not in apt.
  const whole = spawnSync('dpkg-deb', ['--fsys-tarfile', file], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (whole.status !== 0) throw unreadable(file, whole.status, whole.stderr);
  const field = spawnSync('dpkg-deb', ['--field', file, 'Package'], { encoding: 'utf8' });
  if (field.status !== 0) throw unreadable(file, field.status, field.stderr);
  assertPackageName(file, field.stdout.trim(), expectedName);
}

/** The Package field of a package that dpkg-deb reads whole. */
async function readPackageName(docker: Docker, baseImage: string, run: RunIdentity, file: string): Promise<string> {
  const inContainer = `/pkg/${basename(file)}`;
  const { exitCode, output } = await runOneShot(docker, run, {
    image: baseImage,
    // --fsys-tarfile reads the whole data member: a truncated archive fails here, not in apt.
    command: ['sh', '-c', 'dpkg-deb --fsys-tarfile "$0" >/dev/null && dpkg-deb --field "$0" Package', inContainer],
    binds: [`${dirname(file)}:/pkg:ro`],
  });
  if (exitCode !== 0) throw unreadable(file, exitCode, output);
  return output.trim();
}
