// compliance.html: the Markdown report rendered by markdown-it, with ids on the headings (so the
// tables' links reach each failure, as they do on GitHub, whose slugs for "Failure 1" are the
// same) and every verdict cell coloured by its verdict.
import MarkdownIt from 'markdown-it';
import anchor from 'markdown-it-anchor';
import { VERDICTS, type Verdict } from '../report/verdict';

/** CSS class of a verdict's cell: "verdict-not-run". */
export function verdictClass(verdict: Verdict): string {
  return `verdict-${verdict.toLowerCase().replace(/[^a-z]+/g, '-')}`;
}

const COLOURS: Record<Verdict, string> = {
  PASS: '#d8f0d8',
  FAIL: '#f8d0d0',
  'N/A': '#ececec',
  BLOCKED: '#fbe3c0',
  ENVIRONMENT: '#e6dcf5',
  MANUAL: '#d8e6f8',
  'NOT RUN': '#f6f6f6',
};

/** A table cell whose whole text is a verdict (or a link whose text is) gets that verdict's class. */
function colourVerdictCells(md: MarkdownIt): void {
  md.core.ruler.push('verdict_cells', (state) => {
    state.tokens.forEach((token, i) => {
      const inline = state.tokens[i + 1];
      if (token.type !== 'td_open' || inline?.type !== 'inline') return;
      const text = (inline.children ?? []).filter((t) => t.type === 'text').map((t) => t.content).join('');
      const verdict = VERDICTS.find((v) => v === text);
      if (verdict) token.attrJoin('class', verdictClass(verdict));
    });
  });
}

const STYLE =
  'body{font-family:sans-serif;max-width:70em;margin:2em auto;padding:0 1em}table{border-collapse:collapse}' +
  'td,th{border:1px solid #ccc;padding:.3em .6em;vertical-align:top}pre{background:#f6f6f6;padding:1em;overflow:auto}' +
  'td[class^=verdict-]{font-weight:bold;white-space:nowrap}' +
  VERDICTS.map((v) => `.${verdictClass(v)}{background:${COLOURS[v]}}`).join('');

export function complianceHtml(markdown: string, title: string): string {
  const md = new MarkdownIt({ html: false, linkify: false }).use(anchor, { level: [2, 3] }).use(colourVerdictCells);
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${md.utils.escapeHtml(title)}</title><style>${STYLE}</style></head>\n<body>\n${md.render(markdown)}</body></html>\n`;
}
