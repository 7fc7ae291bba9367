// A tool's output that depends only on a digest of its input and on the host image (whose tools
// and apt lists answer) is reused from the machine running the harness on the next run with the
// same digest and image: lintian (about 4 CPU-s of a host's 2 cores, keyed by the package's
// bytes) and the Debian-stable view's simulated install (about 1.5 CPU-s, keyed by the
// package's control fields, the only part of a .deb apt reads). The evidence says it came from here.
import { join } from 'node:path';
import { cacheDir, keep, readKept } from '../json-cache';
import type { Evidence } from './evidence';

/** The tools whose evidence is kept, each in build/cache/TOOL: `rm -r build/cache/TOOL` makes the next runs run it again. */
export type CachedTool = 'lintian' | 'debian-view';

export interface EvidenceCacheKey {
  tool: CachedTool;
  /** sha256 of what the output depends on besides the image. */
  sha256: string;
  /** What that digest is of, as the note says it after the digest ('' for the package's bytes). */
  digestOf: string;
  /** The host image (its tag carries its content hash). */
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

interface Entry extends EvidenceCacheKey {
  cachedAt: string;
  evidence: Evidence;
}

/** The entry's file: the digest, then the image's tag made a file name (its content hash is in it). */
function entryFile(dir: string, key: EvidenceCacheKey): string {
  return join(dir, `${key.sha256}--${key.hostImage.replace(/[^A-Za-z0-9_.-]/g, '_')}.json`);
}

function isEvidence(value: unknown): value is Evidence {
  const e = value as Partial<Evidence> | null;
  return (
    typeof e === 'object' && e !== null &&
    typeof e.command === 'string' && typeof e.user === 'string' && typeof e.exitCode === 'number' &&
    typeof e.stdout === 'string' && typeof e.stderr === 'string'
  );
}

/** Whether a kept value is an entry of this key (another key's, or a corrupt one, is a miss). */
function entryOf(key: EvidenceCacheKey): (value: unknown) => value is Entry {
  return (value): value is Entry => {
    const entry = value as Partial<Entry> | null;
    return (
      typeof entry === 'object' && entry !== null &&
      entry.tool === key.tool && entry.sha256 === key.sha256 && entry.digestOf === key.digestOf && entry.hostImage === key.hostImage &&
      typeof entry.cachedAt === 'string' && !Number.isNaN(Date.parse(entry.cachedAt)) && isEvidence(entry.evidence)
    );
  };
}

/** The note a cached evidence carries on its command line (a shell comment: the command still pastes). */
export function cachedNote(entry: EvidenceCacheKey & { cachedAt: string }, program: string): string {
  const of = entry.digestOf === '' ? '' : ` ${entry.digestOf}`;
  return `${program} output cached from ${entry.cachedAt} for sha256 ${entry.sha256.slice(0, 12)}${of}, host image ${entry.hostImage} (rm -r build/cache/${entry.tool} to run it again)`;
}

/**
 * A tool's evidence for one digest on one host image, kept in `dir`. An entry that cannot be
 * read (corrupt, truncated, of another key) is a miss, and the next write replaces it. Entries
 * are written whole: runs of the same package at the same time never read half an entry.
 */
export function evidenceCache(key: EvidenceCacheKey, dir = cacheDir(key.tool), now: () => Date = () => new Date()): EvidenceCache {
  const file = entryFile(dir, key);
  return {
    read(command) {
      const entry = readKept(file, entryOf(key));
      return entry?.evidence.command === command ? { ...entry.evidence, command: `${command}   # ${cachedNote(entry, command.split(' ')[0])}` } : undefined;
    },
    write(evidence) {
      const entry: Entry = { ...key, cachedAt: now().toISOString(), evidence };
      keep(file, entry);
    },
  };
}
