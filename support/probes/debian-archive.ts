import { randomBytes } from 'node:crypto';
import { fact, type Fact, type Shell } from './evidence';

/**
 * Where the Debian-stable-only views of apt live in the host (not /tmp: systemd hides it).
 * One directory per view: scenarios of several workers build theirs on the shared host at once.
 */
const VIEW_ROOT = '/var/cache/wazo-acceptance/debian-stable';

/**
 * Apt as it would answer on a bare Debian stable machine: only the host's Debian archives of
 * its own release (the host is Debian stable; a source other than Debian's, such as a Wazo
 * mirror, is left out) plus the repositories given, and an empty dpkg status so that nothing installed on the
 * host satisfies a dependency. Works offline from the lists kept in the host image; extra
 * repositories are fetched into a copy of the lists (network), never into the host's own.
 */
export interface DebianStableView {
  /** The -o options that make apt-get and apt-cache use the view. */
  options: string[];
  /** The sources.list lines of the view. */
  sources: string[];
}

export async function debianStableView(shell: Shell, repositories: string[]): Promise<Fact<DebianStableView>> {
  const d = `${VIEW_ROOT}/${randomBytes(4).toString('hex')}`;
  // `apt-cache policy` names each archive (URI, suite/component) then its Release fields:
  // keep o=Debian archives whose codename is the host's (trixie, trixie-updates, trixie-security).
  const script = [
    'set -eu',
    'codename=$(. /etc/os-release && echo "$VERSION_CODENAME")',
    `d=${d}`,
    'rm -rf "$d" && mkdir -p "$d/parts" "$d/preferences.d" && : > "$d/status"',
    `apt-cache policy | awk -v n="$codename" '
      $2 ~ /^[a-z]+:\\/\\// && $3 ~ /\\// { uri = $2; split($3, dist, "/"); next }
      $1 == "release" && uri != "" { if ($2 ~ "(^|,)o=Debian(,|$)" && $2 ~ ("(^|,)n=" n "(-[a-z]+)?(,|$)")) print "deb " uri " " dist[1] " " dist[2]; uri = "" }
    ' | sort -u > "$d/sources.list"`,
    'for line in "$@"; do printf "%s\\n" "$line" >> "$d/sources.list"; done',
    'if [ $# -gt 0 ]; then cp -a /var/lib/apt/lists "$d/lists" && rm -f "$d/lists/lock"; fi',
    'cat "$d/sources.list"',
  ].join('\n');
  const options = [
    `Dir::Etc::SourceList=${d}/sources.list`,
    `Dir::Etc::SourceParts=${d}/parts`,
    `Dir::Etc::PreferencesParts=${d}/preferences.d`,
    `Dir::State::status=${d}/status`,
    ...(repositories.length > 0 ? [`Dir::State::Lists=${d}/lists`] : []),
    'Dir::Cache::pkgcache=',
    'Dir::Cache::srcpkgcache=',
  ].flatMap((o) => ['-o', o]);
  const setup = await shell.run(['sh', '-c', script, 'debian-stable-view', ...repositories]);
  const evidence = [setup];
  if (setup.exitCode === 0 && repositories.length > 0) evidence.push(await shell.run(['apt-get', ...options, '-q', 'update']));
  return fact({ options, sources: setup.stdout.split('\n').filter(Boolean) }, ...evidence);
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

/** `apt-get --simulate install FILE.deb` against the view: what a bare Debian stable would say. */
export async function simulateInstall(shell: Shell, view: DebianStableView, debInHost: string): Promise<Fact<SimulatedInstall>> {
  const evidence = await shell.run(['apt-get', ...view.options, '--simulate', '-q', 'install', debInHost]);
  return fact({ installable: evidence.exitCode === 0, unmet: parseUnmet(evidence.stdout) }, evidence);
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
  const script = '. /etc/os-release && echo "$VERSION_CODENAME" && apt-cache policy | grep -o "o=Debian,a=stable,n=[a-z]*" | sort -u';
  const evidence = await shell.run(['sh', '-c', script]);
  const [codename = '', ...stable] = evidence.stdout.split('\n').filter(Boolean);
  return fact({ codename, stable: stable[0]?.replace(/^.*n=/, '') }, evidence);
}
