import { commandLine, fact, type Evidence, type Fact, type Shell } from './evidence';
import type { EvidenceCache } from './evidence-cache';

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

/**
 * lintian on a .deb in the host (installed in the host image, so it judges against the host's
 * Debian). With a cache, the evidence of an earlier run of the same package on the same image
 * is read instead, and a run's is kept when lintian ran (a lintian that failed is run again).
 */
export async function lintian(shell: Shell, debInHost: string, cache?: EvidenceCache): Promise<Fact<LintianReport>> {
  // --tag-display-limit 0: every tag, even one repeated often (lintian 2.122 deprecates --no-tag-display-limit).
  const command = ['lintian', '--tag-display-limit', '0', debInHost];
  const cached = cache?.read(commandLine(command));
  const report = lintianReport(cached ?? (await shell.run(command)));
  if (!cached && report.value.ran) cache?.write(report.evidence[0]);
  return report;
}

function lintianReport(evidence: Evidence): Fact<LintianReport> {
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
