import { readFileSync } from 'node:fs';

/** A checklist item of the guidelines, in their words, with its sub-points. */
export interface ChecklistItem {
  text: string;
  details: string[];
}

/**
 * Reads the "## Checklist" section of the guidelines document: one item per top-level
 * bullet, nested bullets kept as its details. The document is the source of the wording.
 */
export function parseChecklist(markdown: string): ChecklistItem[] {
  const section = /^## Checklist\s*$([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(markdown);
  if (!section) throw new Error('the guidelines document has no "## Checklist" section');
  const items: ChecklistItem[] = [];
  for (const line of section[1].split('\n')) {
    const bullet = /^(\s*)- (.+)$/.exec(line);
    if (!bullet) continue;
    if (bullet[1].length === 0) items.push({ text: bullet[2].trim(), details: [] });
    else items.at(-1)?.details.push(bullet[2].trim());
  }
  return items;
}

export function readChecklist(file: string): ChecklistItem[] {
  return parseChecklist(readFileSync(file, 'utf8'));
}
