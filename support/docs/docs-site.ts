// A checkout of the Wazo Platform documentation site (github.com/wazo-platform/wazo-platform.org),
// read into facts the documentation rules judge: each page's headings, the paths its lists
// name in code spans, and its lines, all with line numbers for the evidence.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { HarnessError } from '../errors';

/** Where the site keeps its pages: content/<service>/ for each daemon, content/uc-doc/ for the platform's manual. */
const CONTENT = 'content';
const MANUAL = join(CONTENT, 'uc-doc');
/** The page "What is actually backed-up?" of the site. */
export const BACKUP_PAGE = join(MANUAL, 'system', 'backup_restore.md');

export interface PageLine {
  /** The page, relative to the site's root (content/auth/description.md). */
  page: string;
  /** 1-based, as an editor shows it. */
  line: number;
  text: string;
}

/** A path a page lists (a code span in a bullet list), and whether that list names what is excluded. */
export interface ListedPath extends PageLine {
  entry: string;
  excluded: boolean;
}

export interface DocPage {
  path: string;
  /** Each heading's text with the targets of its links (a service page's title links its repository). */
  headings: PageLine[];
  listedPaths: ListedPath[];
  lines: PageLine[];
}

/**
 * The site's pages, in Markdown (the site is written in Markdown since it left Sphinx). Blog
 * posts are left out: a post naming a service does not document it.
 */
export function readDocsSite(root: string): DocPage[] {
  return markdownFiles(join(root, CONTENT))
    .filter((file) => !relative(root, file).startsWith(join(CONTENT, 'blog')))
    .map((file) => docPage(relative(root, file), readFileSync(file, 'utf8')));
}

/** One page of the site (its path relative to the root), if the site has it. */
export function readDocsPage(root: string, path: string): DocPage | undefined {
  const file = join(root, path);
  return existsSync(file) ? docPage(path, readFileSync(file, 'utf8')) : undefined;
}

/** Bad input before any engine: a directory that is not a checkout of the site, with the fix. */
export function assertDocsSite(root: string): void {
  const fix = 'give a checkout of the documentation site: git clone https://github.com/wazo-platform/wazo-platform.org, then --docs wazo-platform.org';
  if (!existsSync(root)) throw new HarnessError('usage', `--docs ${root} does not exist`, fix);
  if (!statSync(root).isDirectory()) throw new HarnessError('usage', `--docs ${root} is not a directory`, fix);
  if (!existsSync(join(root, MANUAL)) || !statSync(join(root, MANUAL)).isDirectory()) {
    throw new HarnessError('usage', `--docs ${root} does not look like the Wazo Platform documentation site: it has no ${MANUAL}/ directory`, fix);
  }
}

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? markdownFiles(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : []))
    .sort();
}

/** A heading's words as a reader sees them, plus the targets of its links. */
function headingText(inline: Token): string {
  return (inline.children ?? []).map((c) => (c.type === 'link_open' ? ` ${c.attrGet('href') ?? ''} ` : c.content)).join('').trim();
}

const markdown = new MarkdownIt();

/** One page's facts, from its Markdown through markdown-it's tokens (their line ranges give the lines). */
export function docPage(path: string, text: string): DocPage {
  const lines = text.split('\n').map((t, i) => ({ page: path, line: i + 1, text: t }));
  const headings: PageLine[] = [];
  const listedPaths: ListedPath[] = [];
  let listDepth = 0;
  // The paragraph before a top-level list says what the list is ("excluded from this backup:").
  let lastParagraph = '';
  let listLead = '';
  const tokens = markdown.parse(text, {});
  tokens.forEach((token, k) => {
    if (token.type === 'bullet_list_open') {
      if (listDepth === 0) listLead = lastParagraph;
      listDepth++;
    } else if (token.type === 'bullet_list_close') {
      listDepth--;
    } else if (token.type === 'heading_open' && token.map) {
      headings.push({ page: path, line: token.map[0] + 1, text: headingText(tokens[k + 1]) });
    } else if (token.type === 'inline' && token.map) {
      if (listDepth === 0) lastParagraph = token.content;
      const [first, end] = token.map;
      for (const code of (token.children ?? []).filter((c) => listDepth > 0 && c.type === 'code_inline')) {
        // A block may span lines: the code span's own line is the one that holds it.
        const line = lines.slice(first, end).find((l) => l.text.includes(`\`${code.content}\``)) ?? lines[first];
        listedPaths.push({ ...line, entry: code.content, excluded: /exclude/i.test(listLead) });
      }
    }
  });
  return { path, headings, listedPaths, lines };
}
