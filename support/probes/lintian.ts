import { fact, type Fact, type Shell } from './evidence';

export interface LintianTag {
  /** E error, W warning, I info, P pedantic, X experimental, O overridden, M masked, N note. */
  level: string;
  tag: string;
  /** What the tag is about, e.g. "[lib/systemd/system/]". */
  context: string;
}

export interface LintianReport {
  ran: boolean;
  tags: LintianTag[];
}

/** lintian on a .deb in the host (installed in the host image, so it judges against the host's Debian). */
export async function lintian(shell: Shell, debInHost: string): Promise<Fact<LintianReport>> {
  const evidence = await shell.run(['lintian', '--no-tag-display-limit', debInHost]);
  const tags = parseLintian(evidence.stdout);
  // lintian exits 0 when clean or with warnings only, 2 when it found errors; anything else is it failing.
  return fact({ ran: evidence.exitCode === 0 || (evidence.exitCode === 2 && tags.length > 0), tags }, evidence);
}

export function parseLintian(output: string): LintianTag[] {
  return output.split('\n').flatMap((line) => {
    const match = /^([EWIPXOMN]): [^:\s]+(?: [a-z]+)?: (\S+)\s*(.*)$/.exec(line.trim());
    return match ? [{ level: match[1], tag: match[2], context: match[3] }] : [];
  });
}
