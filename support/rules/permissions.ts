// Items 4 to 6 of the checklist where the facts need a rule: the log of a service that logs to
// the journal (logFile: journal) is writable by its user when its user wrote entries; the
// group that lets it read the default consul config.
import type { JournalEntry } from '../probes/journal';

/** Who wrote a unit's journal entries, in a phrase: "3 as uid 0 (systemd), 2 as uid 101 (wazo-jay)". */
export function describeJournalWriters(entries: JournalEntry[]): string {
  const byUid = new Map<string, { count: number; commands: Set<string> }>();
  for (const entry of entries) {
    const key = entry.uid === undefined ? 'an unrecorded uid' : `uid ${entry.uid}`;
    const writer = byUid.get(key) ?? { count: 0, commands: new Set<string>() };
    writer.count += 1;
    if (entry.command) writer.commands.add(entry.command);
    byUid.set(key, writer);
  }
  return [...byUid].map(([uid, w]) => `${w.count} as ${uid}${w.commands.size > 0 ? ` (${[...w.commands].sort().join(', ')})` : ''}`).join(', ');
}

export interface JournalLogVerdict {
  /** The service user wrote to the journal: at least one of the unit's entries has its uid. */
  written: boolean;
  /** The entries the service user wrote. */
  own: JournalEntry[];
  /** What the entries show, for the report. */
  found: string;
}

/**
 * Checklist item 4 for a service that logs to the journal (logFile: journal): its log is
 * writable by its user when the unit's entries since the boot include one written by a process
 * running as that user (journald records the writer's uid, _UID, the writer cannot choose it).
 * Entries only from root (systemd, or a daemon that never dropped its privileges) do not count.
 */
export function journalLogVerdict(entries: JournalEntry[], uid: number): JournalLogVerdict {
  const own = entries.filter((e) => e.uid === uid);
  const found = entries.length === 0 ? 'no entry of the unit in the journal since the boot' : `${entries.length} ${entries.length === 1 ? 'entry' : 'entries'} since the boot: ${describeJournalWriters(entries)}`;
  return { written: own.length > 0, own, found };
}

/** The group that may read the daemons' default consul config (/etc/wazo/consul.yml). */
export const CONSUL_GROUP = 'consul';

/** Item 6: the user's groups let it read the default consul config. */
export function readsDefaultConsulConfig(groups: string[]): boolean {
  return groups.includes(CONSUL_GROUP);
}
