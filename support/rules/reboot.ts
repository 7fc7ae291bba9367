// Item 10 of the checklist: a service serving again after the boot, as the same users; one
// disabled at boot stays stopped.
import type { UnitState } from '../probes/units';

/**
 * The service's API answered through nginx: any status but 404 (no such route) and the
 * 5xx that nginx sends itself when the service behind it does not answer (502, 503, 504).
 */
export function apiAnswered(status: number): boolean {
  return status > 0 && status !== 404 && status < 500;
}

/** The service runs after the reboot as the same users as before it (the sorted user names of its processes). */
export function sameProcessUsers(before: string[], after: string[]): boolean {
  return after.length > 0 && after.join(' ') === before.join(' ');
}

/** A service disabled at boot has been started (by a supervisor, a dependency...) once it leaves inactive. */
export function leftInactive(state: Pick<UnitState, 'activeState'>): boolean {
  return state.activeState !== 'inactive';
}
