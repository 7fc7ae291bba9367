import type { DebianRelease } from '../probes/debian-archive';

/** The host runs the release Debian's archive calls stable (an oldstable or testing host does not). */
export function runsLatestStable(release: DebianRelease): boolean {
  return release.stable !== undefined && release.codename === release.stable;
}
