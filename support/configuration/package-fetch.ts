import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
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
 * version, if any), each to the manifest's path or, with a destination, to DIR/apt's name.
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
  const versions = [{ role: 'current' as const, version, file }, ...(previous ? [{ role: 'previous' as const, ...previous }] : [])];
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

/** The directories and files of a private apt state: the manifest's sources and key. */
function makeState(state: string, manifest: ServiceManifest): void {
  for (const dir of ['sources.list.d', 'preferences.d', 'trusted.gpg.d', 'state/lists/partial', 'cache/archives/partial', 'downloads']) {
    mkdirSync(join(state, dir), { recursive: true });
  }
  writeFileSync(join(state, 'sources.list'), `${manifest.package.repositories.join('\n')}\n`);
  writeFileSync(join(state, 'status'), '');
  const { signedBy } = manifest.package;
  if (signedBy === undefined) return;
  let key: Buffer;
  try {
    key = readFileSync(signedBy);
  } catch (error) {
    throw new HarnessError(
      'configuration',
      `${fieldLocation(manifest.source, ['package', 'signedBy'])} names ${displayPath(signedBy)}, which cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      'put the OpenPGP key that signs the repositories (binary or ASCII-armored) beside the manifest and name it there',
    );
  }
  writeFileSync(join(state, 'trusted.gpg.d', keyFileName(key)), key);
}

/** The last lines of apt's output, where it says what went wrong. */
function tail(output: string): string {
  return output.trim().split('\n').slice(-6).map((line) => `    ${line}`).join('\n');
}

/**
 * Downloads the versions the manifest takes from its repositories with apt on this machine,
 * under a private apt state in a temporary directory removed afterwards whatever happens.
 * Returns the files written, in the order of fetchTargets.
 */
export function fetchPackages(manifest: ServiceManifest, dest?: string): Array<{ role: FetchTarget['role']; file: string }> {
  const targets = fetchTargets(manifest, dest);
  const state = mkdtempSync(join(tmpdir(), 'wazo-fetch-package-'));
  try {
    makeState(state, manifest);
    const options = aptOptions(state, userInfo().username);
    const apt = (program: string, args: string[], cwd = state) => {
      const result = spawnSync(program, ['-q', ...options, ...args], { cwd, encoding: 'utf8' });
      if (result.error) throw new HarnessError('environment', `cannot run ${program}: ${result.error.message}`, 'run fetch-package on a machine with apt (Debian or Ubuntu)');
      return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
    };
    const update = apt('apt-get', ['update']);
    // apt-get update exits 0 when a source fails with only a warning: its W: lines explain a missing package.
    const warnings = update.output.split('\n').filter((line) => /^[WE]: /.test(line));
    if (!update.ok) {
      throw new HarnessError(
        'environment',
        `apt-get update of the repositories of ${displayPath(manifest.source)} failed:\n${tail(update.output)}`,
        'check package.repositories and package.signedBy (the key that signs them) in the manifest, and that this machine reaches them',
      );
    }
    return targets.map((target) => {
      const downloads = join(state, 'downloads', target.role);
      mkdirSync(downloads);
      const download = apt('apt-get', ['download', target.spec], downloads);
      const [fetched] = readdirSync(downloads).filter((f) => f.endsWith('.deb'));
      if (!download.ok || fetched === undefined) {
        const { name } = manifest.package;
        const versions = apt('apt-cache', ['madison', name]).output.trim() || `(no version of ${name} at all)`;
        throw new HarnessError(
          'configuration',
          `the repositories of ${displayPath(manifest.source)} have no ${target.spec} (the ${target.role} version):\n${tail(download.output)}\n  they have:\n${tail(versions)}${warnings.length > 0 ? `\n  apt-get update said:\n${tail(warnings.join('\n'))}` : ''}`,
          `set package.${target.role === 'current' ? 'version' : 'previous.version'} to a version the repositories have, or correct package.repositories`,
        );
      }
      const file = resolve('file' in target.place ? target.place.file : join(target.place.dir, fetched));
      mkdirSync(dirname(file), { recursive: true });
      copyFileSync(join(downloads, fetched), file);
      return { role: target.role, file };
    });
  } finally {
    rmSync(state, { recursive: true, force: true });
  }
}

/** What the command prints: one line per file, its role and its absolute path, tab-separated. */
export function fetchedLines(files: Array<{ role: string; file: string }>): string {
  return files.map(({ role, file }) => `${role}\t${file}\n`).join('');
}
