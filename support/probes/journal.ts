// The journal as facts: the entries a unit wrote since the boot, with the uid of the process
// that wrote each (journald records it, _UID: the writer cannot choose it).
import { fact, lastLines, type Fact, type Shell } from './evidence';

export interface JournalEntry {
  /** The writer's uid (_UID); undefined when journald did not record one. */
  uid?: number;
  pid?: number;
  /** The writer's command name (_COMM). */
  command?: string;
  message: string;
}

/** How many of the unit's last entries are read: enough to see the daemon's own since the boot. */
const ENTRIES = 500;

function asNumber(value: unknown): number | undefined {
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** journalctl --output=json: one object per line; a MESSAGE that is not UTF-8 comes as an array of bytes. */
export function parseJournalJson(stdout: string): JournalEntry[] {
  return stdout
    .split('\n')
    .filter((line) => line.trim().startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .map((e) => ({
      uid: asNumber(e._UID),
      pid: asNumber(e._PID),
      command: typeof e._COMM === 'string' ? e._COMM : undefined,
      message: Array.isArray(e.MESSAGE) ? Buffer.from(e.MESSAGE as number[]).toString('utf8') : String(e.MESSAGE ?? ''),
    }));
}

/** journalctl's `--since` for a moment of the host, to the millisecond (host and harness share the kernel's clock). */
export function journalSince(at: Date): string {
  return `--since=@${(at.getTime() / 1000).toFixed(3)}`;
}

/**
 * The entries of the unit (its processes' and systemd's about it) since the host's last boot,
 * started at `bootedAt` (the engine's start time of the container). Not `--boot`: a container's
 * boot id is the machine kernel's, so every boot of the host shares it and `--boot` reads the
 * boots before a reboot too.
 */
export async function unitJournalEntries(shell: Shell, unit: string, bootedAt: Date): Promise<Fact<JournalEntry[]>> {
  const evidence = await shell.run([
    'journalctl', '--no-pager', journalSince(bootedAt), '--unit', unit, `--lines=${ENTRIES}`,
    '--output=json', '--output-fields=_UID,_PID,_COMM,MESSAGE',
  ]);
  return fact(evidence.exitCode === 0 ? parseJournalJson(evidence.stdout) : [], lastLines(evidence, 12));
}
