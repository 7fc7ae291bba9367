// Verdict colours on a terminal, none when the output is piped or NO_COLOR is set
// (https://no-color.org: any non-empty value), so logs, CI output and the self-tests that
// parse the lines read plain text.
import type { Verdict } from '../report/verdict';

export function colourWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

/** ANSI SGR codes: green, red, yellow, magenta, dim, cyan. */
const SGR: Record<Verdict, string> = { PASS: '32', FAIL: '31', BLOCKED: '33', ENVIRONMENT: '35', 'N/A': '2', MANUAL: '36', 'NOT RUN': '2' };

export type Paint = (verdict: Verdict, text: string) => string;

export const plain: Paint = (_verdict, text) => text;

export function verdictPaint(enabled: boolean): Paint {
  return enabled ? (verdict, text) => `\x1b[${SGR[verdict]}m${text}\x1b[0m` : plain;
}
