// Temporary directories of a test file, removed when its process ends however it ends: after
// its tests, or at Ctrl-C or SIGTERM, which end the process without running `after` hooks (an
// interrupted `npm test` left cli-test-*, faults-test-* and the run-slot directory in /tmp).
import { mkdtempSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';

const dirs: string[] = [];
let listening = false;

function removeAll(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Ends the process as the signal would (exit status 128 + its number), the 'exit' listener removing the directories. */
function exitOn(signal: 'SIGINT' | 'SIGTERM'): void {
  process.once(signal, () => process.exit(128 + constants.signals[signal]));
}

/** A new directory under the system's temporary directory, named `prefix` and a random suffix. */
export function scratchDir(prefix: string): string {
  if (!listening) {
    listening = true;
    process.on('exit', removeAll);
    exitOn('SIGINT');
    exitOn('SIGTERM');
  }
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}
