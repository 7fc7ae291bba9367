// Item 20 of the checklist: a package for the latest Debian stable, which installs cleanly
// there and that lintian accepts.
import type { DebianRelease } from '../probes/debian-archive';
import type { LintianTag } from '../probes/lintian';
import type { PackageHealth } from '../probes/packages';
import { isInstalled } from './install';

/** The host runs the release Debian's archive calls stable (an oldstable or testing host does not). */
export function runsLatestStable(release: DebianRelease): boolean {
  return release.stable !== undefined && release.codename === release.stable;
}

/** What the install of the package left wrong on the host, one phrase each: none when apt installed it cleanly. */
export function installProblems(name: string, aptExitCode: number, status: string | undefined, health: PackageHealth): string[] {
  return [
    ...(aptExitCode === 0 ? [] : [`apt-get install exited ${aptExitCode}`]),
    ...(isInstalled(status) ? [] : [`${name} is ${status ?? 'not installed'}`]),
    ...(health.consistent ? [] : ['apt-get check reports broken dependencies']),
    ...(health.held.length === 0 ? [] : [`held: ${health.held.join(', ')}`]),
    ...(health.audit === '' ? [] : [`dpkg --audit: ${health.audit.split('\n')[0]}`]),
  ];
}

/** lintian's errors fail the package; its warnings are only reported (the guidelines ask for a package Debian stable accepts). */
export function lintianFindings(tags: LintianTag[]): { errors: LintianTag[]; warnings: LintianTag[] } {
  return { errors: tags.filter((t) => t.level === 'E'), warnings: tags.filter((t) => t.level === 'W') };
}
