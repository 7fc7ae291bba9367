// The previous version a manifest takes from a source (package.previous.from): downloaded with
// apt on this machine before any host boots, into build/cache/previous-packages/ by source,
// name and version, with its sha256 beside it, so that a warm run asks no network.
import { existsSync, readFileSync } from 'node:fs';
import { MIRROR, SECURITY_MIRROR } from '../debian-mirror';
import { HarnessError } from '../errors';
import { keep, readKept } from '../json-cache';
import { writeFileWhole } from '../whole-file';
import type { PreviousVersion, ServiceManifest } from './manifest';
import { downloadWithApt, manifestRepositories, type AptSources } from './package-fetch';
import { fileSha256, packageRecord, type PackageRecord } from './package-record';

/** The keyring of Debian's archive keys (debian-archive-keyring) on this machine. */
export const DEBIAN_KEYRING = '/usr/share/keyrings/debian-archive-keyring.gpg';

/** Where the previous version came from: the manifest's file, or the apt sources it was downloaded from. */
export interface PreviousOrigin {
  from: PreviousVersion['from'];
  sources?: string[];
}

/** The previous version as the report names it, and where it came from. */
export type PreviousRecord = PackageRecord & PreviousOrigin;

/** Debian's repositories for the host's suite (its point releases and security updates included), verified with Debian's keys. */
export function debianRepositories(suite: string): AptSources {
  let key: Buffer;
  try {
    key = readFileSync(DEBIAN_KEYRING);
  } catch (error) {
    throw new HarnessError(
      'environment',
      `previous.from is debian, but Debian's archive keys are not on this machine: ${DEBIAN_KEYRING} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      'install them: sudo apt-get install debian-archive-keyring',
    );
  }
  return {
    name: `Debian's ${suite} repositories`,
    lines: [`deb ${MIRROR} ${suite} main`, `deb ${MIRROR} ${suite}-updates main`, `deb ${SECURITY_MIRROR} ${suite}-security main`],
    key,
    updateFix: `check that this machine reaches ${MIRROR} and ${SECURITY_MIRROR}`,
  };
}

/** What the cache keeps beside a downloaded file. */
interface KeptDownload {
  sha256: string;
  sources: string[];
}

function isKeptDownload(value: unknown): value is KeptDownload {
  const v = value as Partial<KeptDownload> | null;
  return typeof v?.sha256 === 'string' && Array.isArray(v.sources) && v.sources.every((s) => typeof s === 'string');
}

/**
 * Makes the manifest's previous version a file before any host boots: one the manifest gives
 * is left as it is (an example's is built with the images); one `from` a source is the cached
 * file when it is whole (its sha256 is the one kept), else downloaded with apt (package-fetch.ts's
 * private state) into the cache. `suite` is the host's Debian suite. Returns where it came
 * from, or undefined when the manifest has no previous version.
 */
export function resolvePreviousPackage(manifest: ServiceManifest, suite: string, onDownload: (message: string) => void): PreviousOrigin | undefined {
  const { previous, name } = manifest.package;
  if (!previous) return undefined;
  if (previous.from === 'file') return { from: 'file' };
  const keptFile = `${previous.file}.json`;
  const kept = readKept(keptFile, isKeptDownload);
  if (kept && existsSync(previous.file) && fileSha256(previous.file) === kept.sha256) return { from: previous.from, sources: kept.sources };
  const sources = previous.from === 'debian' ? debianRepositories(suite) : manifestRepositories(manifest);
  const spec = `${name}=${previous.version}`;
  onDownload(`previous version: downloading ${spec} from ${sources.name}`);
  const missingFix =
    previous.from === 'debian'
      ? `set package.previous.version to a version Debian's ${suite} ships (listed above), or give the file: previous: { file: FILE.deb, version: VERSION }`
      : 'set package.previous.version to a version the repositories have, or correct package.repositories';
  // Whole: a run beside this one may be reading the cached file.
  downloadWithApt(sources, [{ role: 'previous', spec, missingFix }], ([fetched]) => writeFileWhole(previous.file, readFileSync(fetched)));
  keep(keptFile, { sha256: fileSha256(previous.file), sources: sources.lines } satisfies KeptDownload);
  return { from: previous.from, sources: sources.lines };
}

/** The record the reports print, once the previous file exists (after the images for an example's). */
export function previousRecord(manifest: ServiceManifest, origin: PreviousOrigin | undefined): PreviousRecord | undefined {
  const { previous } = manifest.package;
  return previous && origin && { ...packageRecord(previous.file, previous.version), ...origin };
}
