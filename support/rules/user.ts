import type { PasswdEntry } from '../probes/users';

/** Shells that refuse an interactive login. */
export const NO_LOGIN_SHELLS = ['/usr/sbin/nologin', '/sbin/nologin', '/usr/bin/false', '/bin/false'];

/**
 * The guideline: no /home/<user>, only a /var/lib/<user> if necessary. So the home is
 * under /var/lib (or the conventional /nonexistent), never under /home.
 */
export function homeIsAllowed(entry: PasswdEntry): boolean {
  return entry.home === '/nonexistent' || entry.home.startsWith('/var/lib/');
}
