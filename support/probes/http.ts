import { Agent, request } from 'undici';
import { fact, HARNESS_PROCESS, type Evidence, type Fact, type Shell } from './evidence';

export interface HttpAnswer {
  status: number;
  /** The Content-Type header without its parameters (charset...), lower case; '' when absent. */
  contentType: string;
  body: string;
}

/** An HTTP GET's answer, or undefined when none came (refused, TLS error, timeout): the evidence says why. */
export type HttpResult = Fact<HttpAnswer | undefined>;

function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0].trim().toLowerCase();
}

/** curl's `--include` output: the status line and headers, a blank line, the body. */
export function parseCurlInclude(output: string): HttpAnswer | undefined {
  const cut = output.search(/\r?\n\r?\n/);
  const head = cut < 0 ? output : output.slice(0, cut);
  const status = /^HTTP\/[\d.]+ (\d{3})/.exec(head);
  if (!status) return undefined;
  const contentType = /^content-type:\s*(.*)$/im.exec(head)?.[1];
  const body = cut < 0 ? '' : output.slice(cut).replace(/^\r?\n\r?\n/, '');
  return { status: Number(status[1]), contentType: mediaType(contentType), body };
}

/**
 * GET `url` from inside the host with curl: the service's own port listens on the host's
 * loopback, which the harness cannot reach. https is verified against the host's trust
 * store (it includes the host CA); never with --insecure.
 */
export async function httpGetInHost(shell: Shell, url: string, timeoutMs: number): Promise<HttpResult> {
  const evidence = await shell.run(['curl', '--silent', '--show-error', '--include', '--max-time', String(Math.ceil(timeoutMs / 1000)), url]);
  return fact(evidence.exitCode === 0 ? parseCurlInclude(evidence.stdout) : undefined, evidence);
}

/** An HTTPS origin reached from the harness process (nginx on the host's published 443), its TLS verified against `ca`. */
export interface HttpsOrigin {
  /** e.g. https://127.0.0.1:32771 */
  origin: string;
  ca: string;
  /** Where the CA was read, for the evidence. */
  caSource: string;
}

export async function httpsGet(target: HttpsOrigin, path: string, timeoutMs: number): Promise<HttpResult> {
  const url = `${target.origin}${path}`;
  const agent = new Agent({ connect: { ca: target.ca }, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  const base: Omit<Evidence, 'exitCode' | 'stdout' | 'stderr'> = {
    command: `GET ${url}   (TLS verified against ${target.caSource})`,
    user: HARNESS_PROCESS,
  };
  try {
    const response = await request(url, { dispatcher: agent, method: 'GET', signal: AbortSignal.timeout(timeoutMs) });
    const body = await response.body.text();
    const header = response.headers['content-type'];
    const contentType = mediaType(Array.isArray(header) ? header[0] : header);
    const stdout = `HTTP ${response.statusCode}${contentType ? ` (${contentType})` : ''}\n${body}`;
    return fact({ status: response.statusCode, contentType, body }, { ...base, exitCode: 0, stdout, stderr: '' });
  } catch (error) {
    const { message, cause } = error as Error & { cause?: { code?: string; message?: string } };
    const stderr = [message, cause?.code ?? cause?.message].filter(Boolean).join(': ');
    return fact(undefined, { ...base, exitCode: 1, stdout: '', stderr });
  } finally {
    await agent.close();
  }
}

/** "HTTP 401", or why there was no answer: for the found: part of a message. */
export function describeAnswer(result: HttpResult): string {
  if (result.value) return `HTTP ${result.value.status}${result.value.contentType ? ` (${result.value.contentType})` : ''}`;
  const evidence = result.evidence[result.evidence.length - 1];
  return `no HTTP answer (${(evidence?.stderr || evidence?.stdout || 'no output').trim().split('\n')[0]})`;
}
