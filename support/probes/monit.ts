import { fact, type Fact, type Shell } from './evidence';
import { journalSince } from './journal';

export interface MonitCheck {
  /** `monit status NAME` knows a check of that name. */
  listed: boolean;
  /** e.g. "Process" */
  kind?: string;
  status?: string;
  monitoring?: string;
}

/** What `monit status NAME` says about one check. */
export async function monitCheck(shell: Shell, name: string): Promise<Fact<MonitCheck>> {
  const evidence = await shell.run(['monit', 'status', name]);
  return fact(parseMonitStatus(evidence.stdout, name), evidence);
}

export function parseMonitStatus(output: string, name: string): MonitCheck {
  const header = new RegExp(`^(\\w+) '${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}'$`, 'm').exec(output);
  if (!header) return { listed: false };
  const field = (label: string) => new RegExp(`^\\s+${label}\\s{2,}(.+)$`, 'm').exec(output)?.[1].trim();
  return { listed: true, kind: header[1], status: field('status'), monitoring: field('monitoring status') };
}

/** monit's log lines (journal identifier `monit`) since a moment of the host. */
export async function monitLog(shell: Shell, since: Date): Promise<Fact<string[]>> {
  const evidence = await shell.run(['journalctl', '--no-pager', '--output=cat', '--identifier=monit', journalSince(since)]);
  return fact(evidence.stdout.split('\n').filter(Boolean), evidence);
}

/** Whether monit's log says it started the check (after finding its process dead). */
export function monitStarted(lines: string[], name: string): boolean {
  return lines.some((line) => line.startsWith(`'${name}' start: `));
}
