import { createHash, randomBytes } from 'node:crypto';
import { aptArchives, type AptArchives } from './apt-index-targets';
import { signedBy } from '../apt-repositories';
import { commandLine, fact, type Fact, type Shell } from './evidence';
import type { EvidenceCache } from './evidence-cache';

/**
 * Where the Debian-stable-only views of apt live in the host (not /tmp: systemd hides it):
 * one shared by the scenarios of every worker, or one per view with repositories (viewDirectory).
 */
const VIEW_ROOT = '/var/cache/wazo-acceptance/debian-stable';

/**
 * The dpkg status of the Debian base the host image was built on (kept by its Dockerfile
 * before anything else is installed): what a bare Debian stable machine has installed.
 */
export const DEBIAN_BASE_STATUS = '/usr/share/wazo-host/debian-base.status';

/** The host's own apt source cache (built in the image from its lists). */
const HOST_SOURCE_CACHE = '/var/cache/apt/srcpkgcache.bin';

/**
 * Apt as it would answer on a bare Debian stable machine: only the host's Debian archives of
 * its own release (the host is Debian stable; a source other than Debian's, such as a Wazo
 * mirror, is left out) plus the repositories given, and the dpkg status of the Debian base
 * system, so that nothing the Wazo host added (python3, nginx, consul...) satisfies a
 * dependency. Works offline from the lists kept in the host image; extra repositories are
 * fetched into a copy of the lists (network), never into the host's own.
 */
export interface DebianStableView {
  /** The -o options that make apt-get and apt-cache use the view. */
  options: string[];
  /** The sources.list lines of the view. */
  sources: string[];
  /** Whether its answers depend on the host image alone: no repository fetched at run time. */
  fromImageAlone: boolean;
}

/** `deb URI SUITE COMPONENT` lines of archives, sorted, each once. */
function sourceLines(targets: AptArchives['targets']): string[] {
  return [...new Set(targets.map((t) => `deb ${t.repoUri} ${t.release} ${t.component}`))].sort();
}

/**
 * The host's Debian archives of its own release (trixie, trixie-updates, trixie-security), as
 * `deb URI SUITE COMPONENT` lines: a source other than Debian's (a Wazo mirror) is left out.
 */
export function debianStableSources({ hostCodename, targets }: AptArchives): string[] {
  const ownRelease = new RegExp(`^${hostCodename}(-[a-z]+)?$`);
  return sourceLines(targets.filter((t) => t.origin === 'Debian' && hostCodename !== '' && ownRelease.test(t.codename)));
}

/** Where a view's source cache comes from. */
type SourceCache = 'host' | 'own' | 'none';

interface ViewPlace {
  dir: string;
  cache: SourceCache;
}

/**
 * The sources of a view decide where it lives and which source cache it reads:
 * - no extra repository and the same archives as the host's own sources (the host image has
 *   only Debian's): the host's source cache, built in the image from the very same lists, so
 *   that no host parses the 56 MB of lists again (1.3 s of CPU, measured 2026-12-01). apt
 *   checks that cache against the view's lists itself and rebuilds it if they differ;
 * - no extra repository, other sources: one view per host and per sources, its cache built
 *   once, under a lock, by the first scenario that needs it;
 * - repositories: lists of its own in a directory of its own, without caches.
 */
export function viewPlace(sources: string[], hostSources: string[], repositories: string[]): ViewPlace {
  if (repositories.length > 0) return { dir: `${VIEW_ROOT}/${randomBytes(4).toString('hex')}`, cache: 'none' };
  const dir = `${VIEW_ROOT}/shared-${createHash('sha256').update(sources.join('\n')).digest('hex').slice(0, 12)}`;
  const sameAsHost = sources.length === hostSources.length && sources.every((line, i) => line === hostSources[i]);
  return { dir, cache: sameAsHost ? 'host' : 'own' };
}

function viewOptions({ dir: d, cache }: ViewPlace): string[] {
  const caches = {
    host: [`Dir::Cache::srcpkgcache=${HOST_SOURCE_CACHE}`],
    own: [`Dir::Cache::srcpkgcache=${d}/srcpkgcache.bin`],
    none: [`Dir::State::Lists=${d}/lists`, 'Dir::Cache::srcpkgcache='],
  }[cache];
  return [
    `Dir::Etc::SourceList=${d}/sources.list`,
    `Dir::Etc::SourceParts=${d}/parts`,
    `Dir::Etc::PreferencesParts=${d}/preferences.d`,
    `Dir::State::status=${d}/status`,
    ...caches,
    'Dir::Cache::pkgcache=',
  ].flatMap((o) => ['-o', o]);
}

/** The shell script that makes the view's files (its arguments: the sources lines). */
function viewScript({ dir, cache }: ViewPlace, options: string[]): string {
  // view DIR SOURCES...: the files of a view, its dpkg status the Debian base's.
  const view = `view() { v=$1; shift; mkdir -p "$v/parts" "$v/preferences.d" && cp ${DEBIAN_BASE_STATUS} "$v/status" && printf "%s\\n" "$@" > "$v/sources.list"; }`;
  const make = {
    // apt takes sources newer than a cache as a sign the cache is stale: these are a copy of
    // the sources the host's cache was built from, so they get the cache's date.
    host: ['mkdir -p "$d" && exec 9>"$d.lock" && flock 9', `[ -s "$d/sources.list" ] || { view "$d" "$@" && touch -r ${HOST_SOURCE_CACHE} "$d/sources.list" "$d/parts"; }`],
    // Under a lock: the scenarios of other workers wait for the cache instead of building it too.
    own: ['mkdir -p "$d" && exec 9>"$d.lock" && flock 9', `[ -s "$d/srcpkgcache.bin" ] || { view "$d" "$@" && apt-cache ${options.join(' ')} gencaches; }`],
    none: ['rm -rf "$d" && view "$d" "$@"', 'cp -a /var/lib/apt/lists "$d/lists" && rm -f "$d/lists/lock"'],
  }[cache];
  return ['set -eu', view, `d=${dir}`, ...make, 'cat "$d/sources.list"'].join('\n');
}

/** `keyring`: where the manifest's `signedBy` key is in the host, for its repositories. */
export async function debianStableView(shell: Shell, manifestRepositories: string[], keyring?: string): Promise<Fact<DebianStableView>> {
  const repositories = keyring === undefined ? manifestRepositories : manifestRepositories.map((line) => signedBy(line, keyring));
  const archives = await aptArchives(shell);
  const sources = debianStableSources(archives.value);
  const place = viewPlace(sources, sourceLines(archives.value.targets), repositories);
  const options = viewOptions(place);
  const setup = await shell.run(['sh', '-c', viewScript(place, options), 'debian-stable-view', ...sources, ...repositories]);
  const evidence = [...archives.evidence, setup];
  if (setup.exitCode === 0 && repositories.length > 0) evidence.push(await shell.run(['apt-get', ...options, '-q', 'update']));
  return fact({ options, sources: setup.stdout.split('\n').filter(Boolean), fromImageAlone: repositories.length === 0 }, ...evidence);
}

/** The version apt would install of each package from the view; undefined where it has none. */
export async function candidateVersions(shell: Shell, view: DebianStableView, packages: string[]): Promise<Fact<Map<string, string | undefined>>> {
  const evidence = await shell.run(['apt-cache', ...view.options, 'policy', ...packages]);
  return fact(parseCandidates(evidence.stdout, packages), evidence);
}

export function parseCandidates(policy: string, packages: string[]): Map<string, string | undefined> {
  const candidates = new Map<string, string | undefined>(packages.map((p) => [p, undefined]));
  let current: string | undefined;
  for (const line of policy.split('\n')) {
    const name = /^(\S+):$/.exec(line)?.[1];
    if (name) current = name;
    const candidate = /^\s+Candidate: (\S+)$/.exec(line)?.[1];
    if (current && candidate && candidate !== '(none)') candidates.set(current, candidate);
  }
  return candidates;
}

export interface SimulatedInstall {
  installable: boolean;
  /** apt's "unmet dependencies" lines, e.g. "wazo-foo : Depends: consul but it is not installable". */
  unmet: string[];
}

/**
 * `apt-get --simulate install FILE.deb` against the view: what a bare Debian stable would say.
 * With `cacheOf` and a view from the image alone, an earlier answer for the same control fields
 * on the same image is reused: apt reads nothing else of a .deb, so the broken variants of a
 * package that keep its control file share one answer.
 */
export async function simulateInstall(
  shell: Shell,
  view: DebianStableView,
  debInHost: string,
  cacheOf?: (controlSha256: string) => EvidenceCache,
): Promise<Fact<SimulatedInstall>> {
  const command = ['apt-get', ...view.options, '--simulate', '-q', 'install', debInHost];
  const cache = cacheOf && view.fromImageAlone ? await controlFieldsCache(shell, debInHost, cacheOf) : undefined;
  const cached = cache?.read(commandLine(command));
  const evidence = cached ?? (await shell.run(command));
  const simulated = { installable: evidence.exitCode === 0, unmet: parseUnmet(evidence.stdout) };
  // apt answers 0, or 100 with the unmet dependencies; another answer (a lock, a crash) is not kept.
  if (!cached && (simulated.installable || simulated.unmet.length > 0)) cache?.write(evidence);
  return fact(simulated, evidence);
}

/** The cache of the package's control fields (dpkg-deb in the host); none when they cannot be read. */
async function controlFieldsCache(shell: Shell, debInHost: string, cacheOf: (controlSha256: string) => EvidenceCache): Promise<EvidenceCache | undefined> {
  const control = await shell.run(['dpkg-deb', '--field', debInHost]);
  return control.exitCode === 0 ? cacheOf(createHash('sha256').update(control.stdout).digest('hex')) : undefined;
}

export function parseUnmet(output: string): string[] {
  const lines = output.split('\n');
  const start = lines.findIndex((l) => l.startsWith('The following packages have unmet dependencies:'));
  if (start < 0) return [];
  const block = lines.slice(start + 1);
  const end = block.findIndex((l) => l.trim() === '' || l.startsWith('E:'));
  return (end < 0 ? block : block.slice(0, end)).map((l) => l.trim().replace(/\s+/g, ' '));
}

export interface DebianRelease {
  /** The host's release (VERSION_CODENAME of /etc/os-release). */
  codename: string;
  /** The release Debian's archive calls "stable" in the host's apt lists (Release files). */
  stable?: string;
}

export async function debianRelease(shell: Shell): Promise<Fact<DebianRelease>> {
  const archives = await aptArchives(shell);
  const { hostCodename, targets } = archives.value;
  return fact({ codename: hostCodename, stable: targets.find((t) => t.origin === 'Debian' && t.suite === 'stable')?.codename }, ...archives.evidence);
}
