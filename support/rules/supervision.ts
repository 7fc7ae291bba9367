// Item 8 of the checklist (and, for a service systemd supervises, the check beyond it): the
// service's supervisor, and only it, brings the daemon back after a kill.
import type { UnitState } from '../probes/units';

/** Restarted after the kill: the unit active again with a main process other than the killed one. */
export function restartedWithNewPid(state: Pick<UnitState, 'activeState' | 'mainPid'>, killedPid: number): boolean {
  return state.activeState === 'active' && state.mainPid > 0 && state.mainPid !== killedPid;
}

/**
 * Who brought the daemon back, from the two supervisors' own records: systemd counts its
 * automatic restarts (NRestarts; a manual start such as monit's resets it, never raises it),
 * monit logs "'NAME' start: ..." when it starts a check's program. The check passes when
 * this names the manifest's supervisor alone.
 */
export function restartedBy(systemdRestarted: boolean, monitStartedIt: boolean): string {
  if (systemdRestarted && monitStartedIt) return 'systemd and monit';
  if (systemdRestarted) return 'systemd';
  if (monitStartedIt) return 'monit';
  return 'neither supervisor';
}
