// Items 14 and 15 of the checklist: what a data backup may hold (facts read from the archive),
// and the documentation site's backup page listing the service's config files.
import type { DocPage, ListedPath } from '../docs/docs-site';
import type { SavedState } from '../probes/backup';
import { describeSource, type RealToolKnowledge } from '../probes/real-tool-lists';
import { isUnder } from './paths';

/**
 * The secret a data backup must not spread: the host's consul master token (whoever has it
 * controls the service discovery of every daemon). It may be only in the files the service
 * declares as its backed-up configuration, and in the one host file that holds it by
 * design: the daemons' default consul client config (a tool that saves /etc/wazo/ holds it
 * rightly; the real list saves no such directory). Consul's own state (/var/lib/consul/, where the token file lives) must not be
 * in a data backup at all. Host private keys (/etc/ssl/, /etc/wazo/tls/) are saved by the
 * real tool on purpose, so that a restored host keeps its identity: they are not judged here.
 */
export const TOKEN_HOLDERS_BY_DESIGN = ['/etc/wazo/consul.yml'];

export function secretsOutside(membersWithToken: string[], declared: string[]): string[] {
  const allowed = [...TOKEN_HOLDERS_BY_DESIGN, ...declared];
  return membersWithToken.filter((path) => path.startsWith('/var/lib/consul/') || !allowed.some((a) => isUnder(path, a)));
}

/** Item 14: the config files the archive does not hold byte for byte (missing, different, or gone from the host). */
export function notSavedAsIs<T extends { state: SavedState }>(compared: T[]): T[] {
  return compared.filter((c) => c.state !== 'same');
}

export interface BackupEntry {
  /** A file or directory of the manifest's backup. */
  path: string;
  /** The entry of the page that lists it or a directory holding it, if any. */
  listedBy?: ListedPath;
  /** An entry of the page's exclusions that covers it, if any. */
  excludedBy?: ListedPath;
}

/** Whether a listed entry covers a path: the path itself, or a directory above it. */
function covers(entry: string, path: string): boolean {
  const dir = entry.endsWith('/') ? entry : `${entry}/`;
  return entry.replace(/\/$/, '') === path.replace(/\/$/, '') || path.startsWith(dir);
}

/** Each backup path with the entry of the backup page that lists it (a directory above it counts), and none from an exclusion list. */
export function backupListing(page: DocPage | undefined, backup: string[]): BackupEntry[] {
  const listed = page?.listedPaths ?? [];
  return backup.map((path) => ({
    path,
    listedBy: listed.find((l) => !l.excluded && covers(l.entry, path)),
    excludedBy: listed.find((l) => l.excluded && covers(l.entry, path)),
  }));
}

/** A backup path is documented when the page lists it and does not exclude it. */
export function undocumentedBackup(entries: BackupEntry[]): BackupEntry[] {
  return entries.filter((e) => !e.listedBy || e.excludedBy);
}

/** The page's entries closest to a path (longest common prefix): where a reader would look for it. */
export function nearestEntries(page: DocPage, path: string, count = 3): ListedPath[] {
  const shared = (entry: string) => {
    let n = 0;
    while (n < entry.length && entry[n] === path[n]) n++;
    return n;
  };
  return [...page.listedPaths].sort((a, b) => shared(b.entry) - shared(a.entry)).slice(0, count);
}

/** Where a backup path stands with the real wazo-backup: under an entry of its list, only under a drop-in's, or nowhere. */
export type RealBackupStanding =
  | { path: string; kind: 'real-list'; entry: string }
  | { path: string; kind: 'drop-in'; entry: string; file: string }
  | { path: string; kind: 'absent' };

export function realBackupStanding(known: RealToolKnowledge, path: string): RealBackupStanding {
  const listed = known.list.lines.map(([entry]) => entry).find((entry) => isUnder(path, entry));
  if (listed) return { path, kind: 'real-list', entry: listed };
  for (const dropIn of known.dropIns) {
    const entry = dropIn.lines.find((line) => isUnder(path, line));
    if (entry) return { path, kind: 'drop-in', entry, file: dropIn.file };
  }
  return { path, kind: 'absent' };
}

/**
 * What the report says about the real tool, one sentence per backup path: in its list, or the
 * change to make there (its config directory, the real list's convention, when the path is under it).
 */
export function realBackupNote(standings: RealBackupStanding[], configDir: string, known: RealToolKnowledge): string {
  const real = `the real wazo-backup's BACKUP_LIST (${describeSource(known.list.source)})`;
  const dir = configDir.endsWith('/') ? configDir : `${configDir}/`;
  return standings
    .map((s) => {
      if (s.kind === 'real-list') return `${s.path} is in ${real} as ${s.entry}`;
      if (s.kind === 'drop-in') return `${s.path} is not in ${real}: add ${s.entry} to it; the drop-in ${known.dropInDir}/${s.file} emulates that change here`;
      return `${s.path} is not in ${real} nor in a drop-in of ${known.dropInDir}/: add ${isUnder(s.path, dir) ? dir : s.path} to it`;
    })
    .join('; ');
}
