/**
 * Adds a service's Examples block to every per-service Scenario Outline of a feature file
 * (the daily features: "adding a service is adding a row"). The block copies the outline's
 * first Examples header; each column gets the service's value from `values`. Idempotent:
 * an outline that already has a block tagged with the service is left as it is.
 */
export function addExamplesRows(feature: string, service: string, values: Record<string, string>): { text: string; added: number } {
  const lines = feature.split('\n');
  const outlines = lines.flatMap((line, i) => (/^\s*Scenario Outline:/.test(line) ? [i] : []));
  let added = 0;
  // From the last outline up, so that earlier line numbers stay valid while inserting.
  for (const [k, start] of [...outlines.entries()].reverse()) {
    const end = k + 1 < outlines.length ? sectionStart(lines, outlines[k + 1]) : lines.length;
    const section = lines.slice(start, end);
    if (!isPerService(lines, start) || section.some((l) => l.trim() === `@${service}`)) continue;
    const examplesAt = section.findIndex((l) => /^\s*Examples:/.test(l));
    if (examplesAt < 0) continue;
    const indent = /^(\s*)/.exec(section[examplesAt])![1];
    const header = section[examplesAt + 1].trim();
    const columns = header.split('|').slice(1, -1).map((c) => c.trim());
    const row = columns.map((c) => {
      const value = values[c];
      if (value === undefined) throw new Error(`no value for column "${c}" of the outline at line ${start + 1}`);
      return value;
    });
    const widths = columns.map((c, i) => Math.max(c.length, row[i].length));
    const format = (cells: string[]) => `${indent}  | ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
    let last = end - 1;
    while (last > start && !lines[last].trim().startsWith('|')) last--;
    lines.splice(last + 1, 0, '', `${indent}@${service}`, `${indent}Examples:`, format(columns), format(row));
    added++;
  }
  return { text: lines.join('\n'), added };
}

/** An outline's section starts at its tags and comments, just above the Scenario Outline line. */
function sectionStart(lines: string[], outline: number): number {
  let i = outline;
  while (i > 0 && /^\s*(@|#)/.test(lines[i - 1])) i--;
  return i;
}

function isPerService(lines: string[], outline: number): boolean {
  return lines.slice(sectionStart(lines, outline), outline).some((l) => l.split(/\s+/).includes('@per-service'));
}
