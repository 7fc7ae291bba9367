// Where the harness keeps a previous version apt downloaded (package.previous.from): the
// manifest's loader names the file, previous-package.ts fills it before the run.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { cacheDir } from '../json-cache';
import type { PreviousSource } from './manifest';

/**
 * Where a downloaded previous version is kept. Debian's archive holds one file per name,
 * version and architecture across its suites, so `debian` needs no suite; the manifest's
 * repositories are told apart by a hash of their lines (two repositories may each build a 1.0.0).
 */
export function previousCacheFile(name: string, version: string, from: PreviousSource, repositories: string[]): string {
  const source = from === 'debian' ? 'debian' : `repositories-${createHash('sha256').update(repositories.join('\n')).digest('hex').slice(0, 16)}`;
  // An epoch's colon, as apt writes it in file names.
  return join(cacheDir('previous-packages'), source, `${name}_${version.replace(/:/g, '%3a')}.deb`);
}
