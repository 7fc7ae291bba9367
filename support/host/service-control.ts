import type { Evidence, Shell } from '../probes/evidence';

export type UnitAction = 'start' | 'stop' | 'restart';

/** What an administrator types: `systemctl ACTION UNIT`; it returns once systemd has done it. */
export function systemctl(shell: Shell, action: UnitAction, unit: string): Promise<Evidence> {
  return shell.run(['systemctl', action, unit]);
}
