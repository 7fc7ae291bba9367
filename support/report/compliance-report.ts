import { relative } from 'node:path';
import MarkdownIt from 'markdown-it';
import type { ScenarioLine } from '../cli/scenario-reporter';
import type { ItemVerdict } from './compliance';
import { countVerdicts } from './verdict';

export interface RunFacts {
  service: string;
  packageFile: string;
  packageVersion: string;
  hostImage: string;
  runId: string;
  startedAt: Date;
  seconds: number;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The checklist compliance report as Markdown: summary, the items in order, then failures with evidence. */
export function complianceMarkdown(verdicts: ItemVerdict[], run: RunFacts, reportDir: string, beyond: ScenarioLine[] = []): string {
  const lines = [
    `# ${run.service}: new-service guidelines compliance`,
    '',
    `Package \`${relative(process.cwd(), run.packageFile) || run.packageFile}\` (version ${run.packageVersion}) on host image \`${run.hostImage}\`,`,
    `run ${run.runId} started ${run.startedAt.toISOString()}, ${run.seconds.toFixed(1)} s.`,
    '',
    `**Checklist: ${countVerdicts(verdicts.map((v) => v.verdict))}**`,
    '',
    '| # | Checklist item | Verdict | Decided by |',
    '|---|---|---|---|',
    ...verdicts.map(
      (v, i) =>
        `| ${i + 1} | ${cell(v.item.text)} | ${v.verdict} | ${cell(v.reason ?? v.scenarios.map((s) => `${s.area} ${s.name} (${s.verdict})`).join('; '))} |`,
    ),
  ];
  if (beyond.length > 0) {
    // Checks the guidelines' checklist does not name (e.g. a clean purge, which Debian policy asks).
    lines.push('', '## Checks beyond the checklist', '', '| Scenario | Verdict | Why |', '|---|---|---|');
    for (const s of beyond) lines.push(`| ${cell(`${s.area} ${s.name}`)} | ${s.verdict} | ${cell(s.reason ?? '')} |`);
  }
  const failed: Array<[string, ScenarioLine[]]> = [
    ...verdicts.filter((v) => v.verdict === 'FAIL' || v.verdict === 'ENVIRONMENT').map((v): [string, ScenarioLine[]] => [v.item.text, v.scenarios]),
    ...beyond.filter((s) => s.verdict === 'FAIL' || s.verdict === 'ENVIRONMENT').map((s): [string, ScenarioLine[]] => [s.name, [s]]),
  ];
  if (failed.length > 0) lines.push('', '## Failures');
  for (const [title, scenarios] of failed) {
    lines.push('', `### ${title}`);
    for (const scenario of scenarios.filter((s) => s.verdict === 'FAIL' || s.verdict === 'ENVIRONMENT')) {
      lines.push('', `Scenario: ${scenario.area} ${scenario.name} (${scenario.verdict}${scenario.failedStep ? `, at step: ${scenario.failedStep}` : ''})`);
      if (scenario.reason) lines.push('', scenario.reason);
      if (scenario.failures.length > 0) lines.push('', '```', ...scenario.failures, '```');
      for (const file of scenario.attachments) lines.push(`- diagnostics: [${relative(reportDir, file)}](${relative(reportDir, file)})`);
    }
  }
  const notes = [...verdicts.flatMap((v) => v.scenarios), ...beyond].filter((s, i, all) => s.notes.length > 0 && all.indexOf(s) === i);
  if (notes.length > 0) {
    lines.push('', '## Notes', '');
    for (const s of notes) for (const note of s.notes) lines.push(`- ${s.name}: ${note}`);
  }
  return `${lines.join('\n')}\n`;
}

export function complianceHtml(markdown: string, title: string): string {
  const body = new MarkdownIt({ html: false, linkify: false }).render(markdown);
  const style =
    'body{font-family:sans-serif;max-width:70em;margin:2em auto;padding:0 1em}table{border-collapse:collapse}' +
    'td,th{border:1px solid #ccc;padding:.3em .6em;vertical-align:top}pre{background:#f6f6f6;padding:1em;overflow:auto}';
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${style}</style></head>\n<body>\n${body}</body></html>\n`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/** The short table printed at the end of a run. */
export function complianceTable(verdicts: ItemVerdict[]): string {
  return verdicts.map((v, i) => `${String(i + 1).padStart(2)}. ${v.verdict.padEnd(11)} ${v.item.text}`).join('\n');
}
