import { fact, type Fact, type Shell } from './evidence';

export interface PackageStatus {
  /** dpkg's status, e.g. "install ok installed"; undefined when dpkg does not know the package. */
  status?: string;
  version?: string;
}

export async function packageStatus(shell: Shell, name: string): Promise<Fact<PackageStatus>> {
  const evidence = await shell.run(['dpkg-query', '--show', '--showformat=${Status}\\t${Version}\\n', name]);
  if (evidence.exitCode !== 0) return fact({}, evidence);
  const [status, version] = evidence.stdout.trim().split('\t');
  return fact({ status, version }, evidence);
}

/**
 * Whether two Debian versions are the same version as dpkg orders them (1.0-1 and 0:1.0-1 are),
 * answered by dpkg in the host rather than by comparing strings. An invalid version is not equal
 * (dpkg exits 2 and says why on stderr, kept as evidence).
 */
export async function sameDebianVersion(shell: Shell, a: string, b: string): Promise<Fact<boolean>> {
  const evidence = await shell.run(['dpkg', '--compare-versions', a, 'eq', b]);
  return fact(evidence.exitCode === 0, evidence);
}

export interface PackageHealth {
  /** `apt-get check`: the dependency tree of what is installed holds. */
  consistent: boolean;
  held: string[];
  /** `dpkg --audit`: packages half-installed, unconfigured, ... */
  audit: string;
}

/** The state of the host's packages as a whole: no broken dependency, nothing held, nothing half done. */
export async function packageHealth(shell: Shell): Promise<Fact<PackageHealth>> {
  const [check, held, audit] = await Promise.all([
    shell.run(['apt-get', 'check', '-q']),
    shell.run(['apt-mark', 'showhold']),
    shell.run(['dpkg', '--audit']),
  ]);
  return fact(
    { consistent: check.exitCode === 0, held: held.stdout.split('\n').filter(Boolean), audit: audit.exitCode === 0 ? audit.stdout.trim() : audit.stdout.trim() || `exit ${audit.exitCode}` },
    check,
    held,
    audit,
  );
}

/** What the host's dependency layer (recipes/dependencies) satisfied, and the packages it added from Debian. */
export interface DependencyLayerRecord {
  satisfies: string;
  installed: string[];
}

/** The dependency layer the host booted with, or undefined when it has none (a package without dependencies, or apt could not satisfy them). */
export async function dependencyLayerRecord(shell: Shell): Promise<Fact<DependencyLayerRecord | undefined>> {
  const evidence = await shell.run(['sh', '-c', 'cat /usr/share/wazo-host/dependency-layer.satisfies && echo --- && cat /usr/share/wazo-host/dependency-layer.installed']);
  if (evidence.exitCode !== 0) return fact(undefined, evidence);
  const [satisfies, installed] = evidence.stdout.split('---\n');
  return fact({ satisfies: satisfies.trim(), installed: installed.split('\n').filter((l) => l.trim() !== '') }, evidence);
}
