// Items 1 to 3 of the checklist: the service's default user, from its passwd entry and processes.
import type { ProcessInfo } from '../probes/processes';
import type { PasswdEntry } from '../probes/users';

/** Item 1: root is uid 0, whatever the user is called. */
export function isRoot(entry: PasswdEntry): boolean {
  return entry.uid === 0;
}

/** Item 1, for the running service: its processes that do not run as the service user (uid). */
export function processesNotRunningAs(processes: ProcessInfo[], uid: number): ProcessInfo[] {
  return processes.filter((p) => p.uid !== uid);
}

/** Shells that refuse an interactive login. */
export const NO_LOGIN_SHELLS = ['/usr/sbin/nologin', '/sbin/nologin', '/usr/bin/false', '/bin/false'];

/** Item 2: the user's shell refuses a login (an empty shell is /bin/sh, which does not). */
export function refusesLogin(entry: PasswdEntry): boolean {
  return NO_LOGIN_SHELLS.includes(entry.shell);
}

/**
 * The guideline: no /home/<user>, only a /var/lib/<user> if necessary. So the home is
 * under /var/lib (or the conventional /nonexistent), never under /home.
 */
export function homeIsAllowed(entry: PasswdEntry): boolean {
  return entry.home === '/nonexistent' || entry.home.startsWith('/var/lib/');
}
