import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';

/** A checklist item of the guidelines, in their words, with its sub-points. */
export interface ChecklistItem {
  text: string;
  details: string[];
}

/**
 * Reads the "## Checklist" section of the guidelines document: one item per top-level
 * bullet, nested bullets kept as its details. The document is the source of the wording.
 * markdown-it's tokens, not line regexes, decide what is a bullet and how deep it is
 * (`*` or `+` bullets, wrapped lines, indentation by any width); an item keeps its inline
 * Markdown source (backticks), which the checklist map is keyed by.
 */
export function parseChecklist(markdown: string): ChecklistItem[] {
  const tokens = new MarkdownIt().parse(markdown, {});
  const start = tokens.findIndex((t, i) => t.type === 'heading_open' && t.tag === 'h2' && tokens[i + 1]?.content.trim() === 'Checklist');
  if (start < 0) throw new Error('the guidelines document has no "## Checklist" section');
  const items: ChecklistItem[] = [];
  let lists = 0;
  let itemOpened = false;
  for (const token of tokens.slice(start + 3)) {
    if (token.type === 'heading_open' && Number(token.tag.slice(1)) <= 2) break;
    if (token.type === 'bullet_list_open') lists++;
    else if (token.type === 'bullet_list_close') lists--;
    else if (token.type === 'list_item_open') itemOpened = lists > 0;
    else if (token.type === 'inline' && itemOpened) {
      // Only the first paragraph of a bullet is its text.
      itemOpened = false;
      const text = token.content.replace(/\s*\n\s*/g, ' ').trim();
      if (lists === 1) items.push({ text, details: [] });
      else items.at(-1)?.details.push(text);
    }
  }
  return items;
}

export function readChecklist(file: string): ChecklistItem[] {
  return parseChecklist(readFileSync(file, 'utf8'));
}
