import { basename } from 'node:path';
import type { ScenarioLine } from '../report/scenario-line';
import type { ItemVerdict } from '../report/compliance';
import { decisiveLines } from './decisive-lines';
import { failureExplaining, groupFailures, type FailureGroup } from './failure-groups';
import { pathInReport } from './report-path';
import type { RunRecord } from './run-record';
import { countVerdicts } from '../report/verdict';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A run of backticks longer than any in the text (and at least `least`): CommonMark's delimiter for code around it. */
function backticks(text: string, least: number): string {
  return '`'.repeat(Math.max(least - 1, ...[...text.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
}

function code(text: string): string {
  const run = backticks(text, 1);
  return run.length > 1 ? `${run} ${text} ${run}` : `${run}${text}${run}`;
}

function fenced(text: string): string[] {
  const run = backticks(text, 3);
  return [`${run}text`, text, run];
}

/** Where the previous version came from, in words: the manifest's file, or the apt sources it was downloaded from. */
function previousOrigin(previous: NonNullable<RunRecord['previous']>): string {
  return previous.from === 'file' ? "the manifest's file" : `${previous.from} (${(previous.sources ?? []).map(code).join(', ')})`;
}

function runLines(run: RunRecord): string[] {
  return [
    `- Package: ${code(run.package.file)}, version ${run.package.version}, sha256 ${code(run.package.sha256)}`,
    ...(run.previous ? [`- Previous version: ${code(run.previous.file)}, version ${run.previous.version}, sha256 ${code(run.previous.sha256)}, from ${previousOrigin(run.previous)}`] : []),
    `- Host image: ${code(run.hostImage)}`,
    `- Tags: ${run.tags ? code(run.tags) : 'none (every area)'}`,
    `- Command: ${code(run.command)}`,
    `- Harness: wazo-acceptance-harness ${run.harness}`,
    `- Run ${run.runId}, started ${run.startedAt.toISOString()}, ${run.seconds.toFixed(1)} s`,
  ];
}

/** A diagnostics file as a link relative to the report, named by what it holds ("journal-of-wazo-foo-service"). */
function diagnosticsLink(file: string, reportDir: string): string {
  return `[${basename(file, '.txt').split('--').pop()}](${pathInReport(file, reportDir)})`;
}

function failureSection(group: FailureGroup, index: number, verdicts: ItemVerdict[], reportDir: string): string[] {
  const [first] = group.scenarios;
  const decides = group.items.map((n) => `${n}: ${verdicts[n - 1].item.text}`);
  return [
    `### Failure ${index + 1}`,
    '',
    `**${first.verdict}**: ${code(group.summary)}`,
    '',
    decides.length > 0 ? `Decides checklist item${decides.length > 1 ? 's' : ''} ${decides.join('; ')}` : 'A check beyond the checklist.',
    '',
    ...group.scenarios.map((s) => {
      const where = s.failedStep ? `, at step ${code(s.failedStep)}` : '';
      const files = s.attachments.map((f) => diagnosticsLink(f, reportDir));
      return `- ${code(`${s.area} ${s.name}`)}${where}${files.length > 0 ? `; diagnostics: ${files.join(', ')}` : ''}`;
    }),
    ...(first.reason ? ['', first.reason] : []),
    ...(first.failures.length > 0 ? ['', ...fenced(decisiveLines(first.failures[0]))] : []),
  ];
}

/**
 * The checklist compliance report as Markdown: the run, the items in order, the checks beyond
 * the checklist, then each failure once (grouped by root cause, evidence cut to its decisive
 * lines), linked from the tables; links are relative to the report's directory.
 */
export function complianceMarkdown(verdicts: ItemVerdict[], run: RunRecord, reportDir: string, beyond: ScenarioLine[] = []): string {
  const groups = groupFailures(verdicts, beyond);
  const verdictCell = (verdict: string, scenarios: ScenarioLine[]) => {
    const failure = failureExplaining(groups, verdicts, scenarios);
    return failure ? `[${verdict}](#${failure.anchor})` : verdict;
  };
  const decidedBy = (s: ScenarioLine) => `${s.area} ${s.name} (${s.verdict})`;
  const lines = [
    `# ${run.service}: new-service guidelines compliance`,
    '',
    ...runLines(run),
    '',
    `**Checklist: ${countVerdicts(verdicts.map((v) => v.verdict))}**`,
    '',
    '| # | Checklist item | Verdict | Decided by |',
    '|---|---|---|---|',
    ...verdicts.map((v, i) => `| ${i + 1} | ${cell(v.item.text)} | ${verdictCell(v.verdict, v.scenarios)} | ${cell(v.reason ?? v.scenarios.map(decidedBy).join('; '))} |`),
  ];
  if (beyond.length > 0) {
    // Checks the guidelines' checklist does not name (e.g. a clean purge, which Debian policy asks).
    lines.push('', '## Checks beyond the checklist', '', '| Scenario | Verdict | Why |', '|---|---|---|');
    for (const s of beyond) lines.push(`| ${cell(`${s.area} ${s.name}`)} | ${verdictCell(s.verdict, [s])} | ${cell(s.reason ?? '')} |`);
  }
  if (groups.length > 0) {
    lines.push('', '## Failures', '', 'Each cause once, with the lines of evidence that decided it; the whole failure, the unit\'s status, journal and log are in the diagnostics files.');
    groups.forEach((group, i) => lines.push('', ...failureSection(group, i, verdicts, reportDir)));
  }
  const notes = [...verdicts.flatMap((v) => v.scenarios), ...beyond].filter((s, i, all) => s.notes.length > 0 && all.indexOf(s) === i);
  if (notes.length > 0) {
    lines.push('', '## Notes', '');
    for (const s of notes) for (const note of s.notes) lines.push(`- ${s.name}: ${note}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The short table printed at the end of a run. */
export function complianceTable(verdicts: ItemVerdict[]): string {
  return verdicts.map((v, i) => `${String(i + 1).padStart(2)}. ${v.verdict.padEnd(11)} ${v.item.text}`).join('\n');
}
