// What a report says about its run, so that it stands on its own once pasted in a review or
// read from a CI artifact: the package by name, version and digest (a path would mean nothing
// there), the command line, the tags, the harness and the host image.
import type { PackageRecord } from '../configuration/package-record';
import type { PreviousRecord } from '../configuration/previous-package';
import { commandLine } from '../probes/evidence';

export interface RunRecord {
  service: string;
  package: PackageRecord;
  /** The version upgrades started from, and where it came from (a file, Debian, the repositories). */
  previous?: PreviousRecord;
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

export function commandOf(argv: string[]): string {
  return commandLine(['npm', 'run', 'acceptance', '--', ...argv]);
}
