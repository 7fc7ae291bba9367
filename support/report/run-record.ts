// What a report says about its run, so that it stands on its own once pasted in a review or
// read from a CI artifact: the package by name, version and digest (a path would mean nothing
// there), the command line, the tags, the harness and the host image.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { commandLine } from '../probes/evidence';

export interface PackageRecord {
  file: string;
  version: string;
  sha256: string;
}

export interface RunRecord {
  service: string;
  package: PackageRecord;
  hostImage: string;
  /** The harness's version (package.json). */
  harness: string;
  /** The command that ran, as one would type it again. */
  command: string;
  /** The user's --tags, when any. */
  tags?: string;
  runId: string;
  startedAt: Date;
  seconds: number;
}

/**
 * The package as the report names it. Its version is read from the file with dpkg-deb when this
 * machine has it (the manifest may declare another), else it is the manifest's and says so.
 */
export function packageRecord(file: string, declaredVersion: string): PackageRecord {
  const field = spawnSync('dpkg-deb', ['--field', file, 'Version'], { encoding: 'utf8' });
  const version = field.status === 0 ? field.stdout.trim() : `${declaredVersion} (the manifest's: no dpkg-deb here to read the file's)`;
  return { file: basename(file), version, sha256: createHash('sha256').update(readFileSync(file)).digest('hex') };
}

export function commandOf(argv: string[]): string {
  return commandLine(['npm', 'run', 'acceptance', '--', ...argv]);
}
