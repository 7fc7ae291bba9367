import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { keyFileName } from '../apt-repositories';
import { displayPath } from '../display-path';
import { HarnessError } from '../errors';
import { PACKAGE_ORIGINS, type ServiceManifest } from './manifest';
import { fieldLocation } from './manifest-loader';

/** One version of the package to download, and where to put it. */
export interface FetchTarget {
  role: 'current' | 'previous';
  /** `name=version`, as apt-get download takes it. */
  spec: string;
  /** The manifest's path for it, or a directory where it keeps apt's file name (--dest). */
  place: { file: string } | { dir: string };
}

/**
 * The versions the manifest takes from its repositories (the current one and its previous
 * version, if the manifest gives it as a file), each to the manifest's path or, with a destination, to DIR/apt's name.
 * A manifest that does not take its package from the repositories is refused at its field.
 */
export function fetchTargets(manifest: ServiceManifest, dest?: string): FetchTarget[] {
  const { name, builtFrom, version, file, previous } = manifest.package;
  if (builtFrom !== 'repositories') {
    throw new HarnessError(
      'configuration',
      `${fieldLocation(manifest.source, ['package', 'builtFrom'])} is ${builtFrom ?? 'not set (the files are given)'}: fetch-package downloads only a package the manifest takes from its repositories`,
      `set package.builtFrom to repositories (the choices: ${PACKAGE_ORIGINS.join(', ')}, or none) and list package.repositories, or give the package itself: npm run acceptance -- --manifest FILE --package FILE.deb`,
    );
  }
  // A previous version `from` a source is downloaded by the run itself, to the harness's cache.
  const versions = [{ role: 'current' as const, version, file }, ...(previous?.from === 'file' ? [{ role: 'previous' as const, ...previous }] : [])];
  return versions.map((v) => ({ role: v.role, spec: `${name}=${v.version}`, place: dest === undefined ? { file: v.file } : { dir: dest } }));
}


/**
 * apt-get's -o options for a private apt state under `state`: its own sources, lists, cache,
 * dpkg status and keyring, so that neither /etc/apt's sources and keys nor /var/lib/apt are
 * read or written. The machine's apt.conf.d still applies (its proxy, its mirror's checks).
 */
export function aptOptions(state: string, user: string): string[] {
  const settings: Record<string, string> = {
    'Dir::Etc::SourceList': join(state, 'sources.list'),
    'Dir::Etc::SourceParts': join(state, 'sources.list.d'),
    'Dir::Etc::Preferences': join(state, 'preferences'),
    'Dir::Etc::PreferencesParts': join(state, 'preferences.d'),
    'Dir::Etc::Trusted': join(state, 'trusted.gpg'),
    'Dir::Etc::TrustedParts': join(state, 'trusted.gpg.d'),
    'Dir::State': join(state, 'state'),
    'Dir::State::Lists': join(state, 'state', 'lists'),
    // An empty status: what the machine has installed decides nothing about a download.
    'Dir::State::status': join(state, 'status'),
    'Dir::Cache': join(state, 'cache'),
    'Dir::Cache::Archives': join(state, 'cache', 'archives'),
    // Only the package lists: no translations nor Contents (apt-file's), which can be large.
    'Acquire::Languages': 'none',
    'Acquire::IndexTargets::deb::Contents-deb::DefaultEnabled': 'false',
    // apt's _apt sandbox could not enter the private directories, which are this user's.
    'APT::Sandbox::User': user,
  };
  return Object.entries(settings).flatMap(([key, value]) => ['-o', `${key}=${value}`]);
}

/** The apt sources a private state lists, and how messages name them. */
export interface AptSources {
  /** In messages, as the subject of "have": "the repositories of services/x.yml", "Debian's trixie repositories". */
  name: string;
  /** One-line sources.list entries. */
  lines: string[];
  /** The OpenPGP key (binary or armored) apt verifies them with, when it is given one. */
  key?: Buffer;
  /** The fix when apt-get update itself fails. */
  updateFix: string;
}

/** One version to download: `name=version` as apt-get download takes it, its role, and the fix when the sources lack it. */
export interface AptDownload {
  role: FetchTarget['role'];
  spec: string;
  missingFix: string;
}

/** The manifest's repositories, with the key of package.signedBy (refused at its field when it cannot be read). */
export function manifestRepositories(manifest: ServiceManifest): AptSources {
  const sources = {
    name: `the repositories of ${displayPath(manifest.source)}`,
    lines: manifest.package.repositories,
    updateFix: 'check package.repositories and package.signedBy (the key that signs them) in the manifest, and that this machine reaches them',
  };
  const { signedBy } = manifest.package;
  if (signedBy === undefined) return sources;
  try {
    return { ...sources, key: readFileSync(signedBy) };
  } catch (error) {
    throw new HarnessError(
      'configuration',
      `${fieldLocation(manifest.source, ['package', 'signedBy'])} names ${displayPath(signedBy)}, which cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      'put the OpenPGP key that signs the repositories (binary or ASCII-armored) beside the manifest and name it there',
    );
  }
}

/** The directories and files of a private apt state: the sources and their key. */
function makeState(state: string, sources: AptSources): void {
  for (const dir of ['sources.list.d', 'preferences.d', 'trusted.gpg.d', 'state/lists/partial', 'cache/archives/partial', 'downloads']) {
    mkdirSync(join(state, dir), { recursive: true });
  }
  writeFileSync(join(state, 'sources.list'), `${sources.lines.join('\n')}\n`);
  writeFileSync(join(state, 'status'), '');
  if (sources.key) writeFileSync(join(state, 'trusted.gpg.d', keyFileName(sources.key)), sources.key);
}

/** The last lines of apt's output, where it says what went wrong. */
function tail(output: string): string {
  return output.trim().split('\n').slice(-6).map((line) => `    ${line}`).join('\n');
}

/**
 * Downloads versions with apt on this machine, under a private apt state in a temporary
 * directory removed afterwards whatever happens: `use` gets each download's file (in the
 * order given) while they exist, and what it returns is returned. A version the sources lack
 * is a configuration error naming the sources asked and the versions apt knows; sources apt
 * cannot reach are an environment error.
 */
export function downloadWithApt<T>(sources: AptSources, downloads: AptDownload[], use: (files: string[]) => T): T {
  const state = mkdtempSync(join(tmpdir(), 'wazo-fetch-package-'));
  try {
    makeState(state, sources);
    const options = aptOptions(state, userInfo().username);
    const apt = (program: string, args: string[], cwd = state) => {
      const result = spawnSync(program, ['-q', ...options, ...args], { cwd, encoding: 'utf8' });
      if (result.error) throw new HarnessError('environment', `cannot run ${program}: ${result.error.message}`, 'run the harness on a machine with apt (Debian or Ubuntu)');
      return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
    };
    const asked = sources.lines.map((line) => `    ${line}`).join('\n');
    const update = apt('apt-get', ['update']);
    // apt-get update exits 0 when a source fails with only a warning: its W: lines explain a missing package.
    const warnings = update.output.split('\n').filter((line) => /^[WE]: /.test(line));
    if (!update.ok) throw new HarnessError('environment', `apt-get update of ${sources.name} failed:\n${tail(update.output)}`, sources.updateFix);
    const files = downloads.map((download) => {
      const dir = join(state, 'downloads', download.role);
      mkdirSync(dir);
      const fetched = apt('apt-get', ['download', download.spec], dir);
      const [file] = readdirSync(dir).filter((f) => f.endsWith('.deb'));
      if (fetched.ok && file !== undefined) return join(dir, file);
      const unreachable = warnings.filter((line) => line.includes('Failed to fetch'));
      if (unreachable.length > 0) {
        throw new HarnessError(
          'environment',
          `apt could not reach ${sources.name} to download ${download.spec} (the ${download.role} version); it asked:\n${asked}\n  apt-get update said:\n${tail(unreachable.join('\n'))}`,
          "check that this machine reaches them (its network, its apt proxy in /etc/apt/apt.conf.d), then run again",
        );
      }
      const [name, version] = download.spec.split('=');
      const versions = apt('apt-cache', ['madison', name]).output.trim() || `(no version of ${name} at all)`;
      // Listed but not downloaded (the file unreachable, or not the one the index describes): not the manifest's fault.
      if (versions.split('\n').some((line) => line.split('|')[1]?.trim() === version)) {
        throw new HarnessError(
          'environment',
          `${sources.name} list ${download.spec} (the ${download.role} version), but apt could not download it:\n${tail(fetched.output)}\n  apt asked:\n${asked}`,
          'check that this machine reaches them and that the repository serves the file its index describes, then run again',
        );
      }
      throw new HarnessError(
        'configuration',
        `${sources.name} have no ${download.spec} (the ${download.role} version):\n${tail(fetched.output)}\n  apt asked:\n${asked}\n  they have:\n${tail(versions)}${warnings.length > 0 ? `\n  apt-get update said:\n${tail(warnings.join('\n'))}` : ''}`,
        download.missingFix,
      );
    });
    return use(files);
  } finally {
    rmSync(state, { recursive: true, force: true });
  }
}

/**
 * Downloads the versions the manifest takes from its repositories to the manifest's paths or
 * to DEST. Returns the files written, in the order of fetchTargets.
 */
export function fetchPackages(manifest: ServiceManifest, dest?: string): Array<{ role: FetchTarget['role']; file: string }> {
  const targets = fetchTargets(manifest, dest);
  const downloads = targets.map((t) => ({ role: t.role, spec: t.spec, missingFix: `set package.${t.role === 'current' ? 'version' : 'previous.version'} to a version the repositories have, or correct package.repositories` }));
  return downloadWithApt(manifestRepositories(manifest), downloads, (fetched) =>
    targets.map((target, i) => {
      const file = resolve('file' in target.place ? target.place.file : join(target.place.dir, basename(fetched[i])));
      mkdirSync(dirname(file), { recursive: true });
      copyFileSync(fetched[i], file);
      return { role: target.role, file };
    }),
  );
}

/** What the command prints: one line per file, its role and its absolute path, tab-separated. */
export function fetchedLines(files: Array<{ role: string; file: string }>): string {
  return files.map(({ role, file }) => `${role}\t${file}\n`).join('');
}
