// Beyond the checklist: a purge removes what the install brought (Debian policy), judged
// against the paths the host's own bookkeeping may change.
import type { ProcessInfo } from '../probes/processes';
import { isUnder } from './paths';

export interface AllowedLeftover {
  path: string;
  why: string;
}

/**
 * What may differ on the host between before the install and after the purge without the
 * package being at fault (piuparts ignores the same kinds of paths). Everything else the
 * purge leaves is a leftover: Debian policy wants a purge to remove the package's files,
 * its configuration, logs and state. The system user and group stay (Debian practice), but
 * they are entries in /etc/passwd, /etc/group, /etc/shadow, /etc/gshadow, which existed
 * before: a listing of names does not see them.
 */
export const ALLOWED_AFTER_PURGE: AllowedLeftover[] = [
  { path: '/var/lib/dpkg/', why: "dpkg's database" },
  { path: '/var/lib/apt/', why: "apt's state" },
  { path: '/var/cache/apt/', why: "apt's cache" },
  { path: '/var/cache/debconf/', why: "debconf's database" },
  { path: '/var/cache/ldconfig/', why: "ldconfig's cache" },
  { path: '/etc/ld.so.cache', why: "ldconfig's cache" },
  { path: '/var/log/apt/', why: "apt's log" },
  { path: '/var/log/dpkg.log', why: "dpkg's log" },
  { path: '/var/log/alternatives.log', why: "update-alternatives' log" },
  { path: '/var/log/journal/', why: "the host's journal" },
  { path: '/var/lib/systemd/', why: "systemd's own state (timers, random seed; deb-systemd-helper's records are purged by the package's postrm)" },
  { path: '/var/lib/consul/', why: "consul's own state (raft, serf); the service's registration is checked through consul's API" },
  { path: '/var/lib/monit/', why: "monit's own state (id, state file, event queue)" },
  { path: '/var/lib/logrotate/', why: "logrotate's state" },
  { path: '/var/cache/wazo-acceptance/', why: "the harness's copy of the package and its listings" },
];

export function purgeLeftovers(added: string[]): string[] {
  return added.filter((path) => !ALLOWED_AFTER_PURGE.some((allowed) => isUnder(path, allowed.path)));
}

/** The processes left after the purge: those in the unit's control group and those of its (kept) user, each once. */
export function processesLeft(inUnit: ProcessInfo[], asUser: ProcessInfo[]): ProcessInfo[] {
  return [...new Map([...inUnit, ...asUser].map((p) => [p.pid, p])).values()];
}

/** nginx has no route left to the purged service: its API path answers 404 (502 would be a route to a service that is gone). */
export function routeRemoved(status: number): boolean {
  return status === 404;
}
