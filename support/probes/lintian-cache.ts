// lintian's output depends only on the package's bytes and on the lintian of the host image: a
// run of the same .deb on the same image reuses it from the machine running the harness
// (lintian costs about 4 CPU-s of a host's 2 cores). The evidence says it came from here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../project-root';
import { writeFileWhole } from '../whole-file';
import type { Evidence } from './evidence';

/** Where lintian's evidence is kept; `rm -r build/cache/lintian` makes the next runs run lintian again. */
export const LINTIAN_CACHE_DIR = join(PROJECT_ROOT, 'build', 'cache', 'lintian');

/** What lintian's output depends on: the package's bytes and the host image (whose lintian judges them). */
export interface LintianCacheKey {
  packageSha256: string;
  hostImage: string;
}

/** Where a probe finds the evidence of an earlier run, and leaves its own. */
export interface EvidenceCache {
  /**
   * The evidence of an earlier run of this command line, its command saying where it came from;
   * undefined when there is none, none readable, or one of another command (other options).
   */
  read(command: string): Evidence | undefined;
  write(evidence: Evidence): void;
}

interface Entry extends LintianCacheKey {
  cachedAt: string;
  evidence: Evidence;
}

/** The entry's file: the package's digest, then the image's tag made a file name (its content hash is in it). */
function entryFile(dir: string, key: LintianCacheKey): string {
  return join(dir, `${key.packageSha256}--${key.hostImage.replace(/[^A-Za-z0-9_.-]/g, '_')}.json`);
}

function isEvidence(value: unknown): value is Evidence {
  const e = value as Partial<Evidence> | null;
  return (
    typeof e === 'object' && e !== null &&
    typeof e.command === 'string' && typeof e.user === 'string' && typeof e.exitCode === 'number' &&
    typeof e.stdout === 'string' && typeof e.stderr === 'string'
  );
}

/** The entry of this key, or undefined when the file is missing, unreadable, or of another key. */
function readEntry(file: string, key: LintianCacheKey): Entry | undefined {
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as Partial<Entry> | null;
    const fits =
      entry?.packageSha256 === key.packageSha256 && entry.hostImage === key.hostImage &&
      typeof entry.cachedAt === 'string' && !Number.isNaN(Date.parse(entry.cachedAt)) && isEvidence(entry.evidence);
    return fits ? (entry as Entry) : undefined;
  } catch {
    return undefined;
  }
}

/** The note a cached evidence carries on its command line (a shell comment: the command still pastes). */
export function cachedNote(entry: LintianCacheKey & { cachedAt: string }): string {
  return `lintian output cached from ${entry.cachedAt} for sha256 ${entry.packageSha256.slice(0, 12)}, host image ${entry.hostImage} (rm -r build/cache/lintian to run it again)`;
}

/**
 * lintian's evidence for one package on one host image, kept in `dir`. An entry that cannot be
 * read (corrupt, truncated, of another key) is a miss, and the next write replaces it. Entries
 * are written whole: runs of the same package at the same time never read half an entry.
 */
export function lintianCache(key: LintianCacheKey, dir = LINTIAN_CACHE_DIR, now: () => Date = () => new Date()): EvidenceCache {
  const file = entryFile(dir, key);
  return {
    read(command) {
      const entry = readEntry(file, key);
      return entry?.evidence.command === command ? { ...entry.evidence, command: `${command}   # ${cachedNote(entry)}` } : undefined;
    },
    write(evidence) {
      const entry: Entry = { ...key, cachedAt: now().toISOString(), evidence };
      try {
        writeFileWhole(file, `${JSON.stringify(entry, null, 2)}\n`);
      } catch {
        // A cache that cannot be written costs the next run a lintian, nothing else.
      }
    },
  };
}
