// The package as reports and caches name it: file name, version and digest (a path would mean
// nothing in a pasted report; the digest keys the lintian cache).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

export interface PackageRecord {
  file: string;
  version: string;
  sha256: string;
}

/** The sha256 of a file's bytes, in hex: what reports and caches name a package by. */
export function fileSha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * The package as the report names it. Its version is read from the file with dpkg-deb when this
 * machine has it (the manifest may declare another), else it is the manifest's and says so.
 */
export function packageRecord(file: string, declaredVersion: string): PackageRecord {
  const field = spawnSync('dpkg-deb', ['--field', file, 'Version'], { encoding: 'utf8' });
  const version = field.status === 0 ? field.stdout.trim() : `${declaredVersion} (the manifest's: no dpkg-deb here to read the file's)`;
  return { file: basename(file), version, sha256: fileSha256(file) };
}
