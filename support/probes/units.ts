import { fact, type Evidence, type Fact, type Shell } from './evidence';

export interface UnitState {
  activeState: string;
  subState: string;
  unitFileState: string;
  mainPid: number;
  /** How many times systemd restarted the unit (Restart=): more than 0 means it died. */
  restarts: number;
}

export async function unitState(shell: Shell, unit: string): Promise<Fact<UnitState>> {
  const evidence = await shell.run(['systemctl', 'show', '--property=ActiveState,SubState,UnitFileState,MainPID,NRestarts', unit]);
  const properties = new Map(
    evidence.stdout
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const),
  );
  return fact(
    {
      activeState: properties.get('ActiveState') ?? 'unknown',
      subState: properties.get('SubState') ?? 'unknown',
      unitFileState: properties.get('UnitFileState') ?? 'unknown',
      mainPid: Number(properties.get('MainPID') ?? 0),
      restarts: Number(properties.get('NRestarts') ?? 0),
    },
    evidence,
  );
}

/** `systemctl status` of a unit, with its last journal lines: for a unit that is down, they say why. */
export function unitStatus(shell: Shell, unit: string): Promise<Evidence> {
  return shell.run(['systemctl', 'status', '--no-pager', '--lines=8', unit]);
}

/** Units systemd reports as failed, whoever they belong to. */
export async function failedUnits(shell: Shell): Promise<Fact<string[]>> {
  const evidence = await shell.run(['systemctl', 'list-units', '--state=failed', '--plain', '--no-legend', '--no-pager']);
  return fact(
    evidence.stdout
      .split('\n')
      .map((line) => line.trim().split(/\s+/)[0])
      .filter(Boolean),
    evidence,
  );
}

/** The units a boot starts: what the default target pulls in, transitively (Wants=, Requires=). */
export async function bootUnits(shell: Shell): Promise<Fact<string[]>> {
  const evidence = await shell.run(['systemctl', 'list-dependencies', '--plain', '--no-pager', 'default.target']);
  return fact(
    evidence.stdout
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    evidence,
  );
}

/** The unit's Restart= setting (no, on-failure, always, ...). */
export async function restartPolicy(shell: Shell, unit: string): Promise<Fact<string>> {
  const evidence = await shell.run(['systemctl', 'show', '--property=Restart', '--value', unit]);
  return fact(evidence.stdout.trim(), evidence);
}

/** The unit's last journal lines (what systemd and the daemon said), short-precise timestamps. */
export function unitJournal(shell: Shell, unit: string, lines = 50): Promise<Evidence> {
  return shell.run(['journalctl', '--no-pager', '--output=short-precise', `--lines=${lines}`, '--unit', unit]);
}
