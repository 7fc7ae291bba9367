// Why units are not running, in their journal's own words: printed with a failed check, so the
// decisive line is on the console, not only in the diagnostics files.
import { lastLines, type Evidence, type Shell } from '../probes/evidence';
import { unitJournal } from '../probes/units';
import { decisiveJournalLines } from '../rules/install';

const INDENT = '\n          ';

/** Each unit's decisive journal lines ("the journal says: ..."; the unit named when there are several), and the journals' tails as evidence. */
export async function journalReasons(shell: Shell, units: readonly string[]): Promise<{ said: string; evidence: Evidence[] }> {
  const journals = await Promise.all(units.map((unit) => unitJournal(shell, unit)));
  const said = journals
    .map((journal, i) => ({ unit: units[i], lines: decisiveJournalLines(journal.stdout) }))
    .filter(({ lines }) => lines.length > 0)
    .map(({ unit, lines }) => {
      const says = units.length > 1 ? `the journal of ${unit} says: ` : 'the journal says: ';
      return `${INDENT}${says}${lines.join(`\n${' '.repeat(INDENT.length - 1 + says.length)}`)}`;
    })
    .join('');
  return { said, evidence: journals.map((journal) => lastLines(journal, 15)) };
}
