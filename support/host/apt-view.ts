// Which packages apt sees when the harness installs, upgrades or purges the service's package.
// An administrator's apt sees the host's sources: Debian's 68 829 packages, whose loading costs
// apt 1.4 CPU-s of an install's 2.7 (measured 2026-12-07). A host boots with every dependency
// of its package already installed (its dependency layer, support/images/dependency-layer.ts),
// so apt's plan with the installed packages alone in view is usually the package and nothing
// else; then apt with the archives in view does exactly the same, and the harness runs it with
// the installed packages alone. The command line in the evidence says which view apt had.
import type { Evidence } from '../probes/evidence';

/** apt's settings for a view of the installed packages (and the files given) alone: no archive lists, no cache written over the host's own. */
const INSTALLED_ONLY: Record<string, string> = {
  'Dir::Etc::SourceList': '/dev/null',
  'Dir::Etc::SourceParts': '/dev/null',
  'Dir::Cache::pkgcache': '',
  'Dir::Cache::srcpkgcache': '',
};

/** The view as apt-get's -o options. */
export const INSTALLED_ONLY_OPTIONS = Object.entries(INSTALLED_ONLY).flatMap(([name, value]) => ['-o', `${name}=${value}`]);

/** The view as an apt configuration file, for a tool that runs apt-get itself (apt reads the file APT_CONFIG names). */
export const INSTALLED_ONLY_CONFIG = Object.entries(INSTALLED_ONLY)
  .map(([name, value]) => `${name} "${value}";\n`)
  .join('');

/** apt-get's simulation of an action (`args`) with the installed packages alone in view. */
export function simulation(args: string[]): string[] {
  return ['apt-get', ...INSTALLED_ONLY_OPTIONS, '--simulate', '-q', ...args];
}

/**
 * Whether apt's simulated plan installs, upgrades, removes or purges the package `name` and
 * nothing else: then it needs no package the host lacks and breaks none it has, and apt with
 * the archives in view would do exactly the same.
 */
export function changesOnly(plan: string, name: string): boolean {
  const actions = plan.split('\n').filter((line) => /^(Inst|Remv|Purg) /.test(line));
  return actions.length === 1 && actions[0].split(' ')[1] === name;
}

/** Whether the simulation (`plan`, see simulation) lets the installed packages stand for the archives: it succeeded and changes `name` only. */
export function installedSuffice(plan: Evidence, name: string): boolean {
  return plan.exitCode === 0 && changesOnly(plan.stdout, name);
}
