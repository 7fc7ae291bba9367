import { request } from 'node:https';
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

/** What curl prints after the body: a newline, then its `%{json}` object on one line. */
const CURL_WRITE_OUT = '\\n%{json}';

/** The fields of curl's %{json} the harness reads. */
interface CurlTransfer {
  http_code?: unknown;
  content_type?: unknown;
}

/** curl's stdout with `--write-out '\n%{json}'`: the body, and the JSON line after it (undefined if there is none). */
function splitCurlOutput(stdout: string): { body: string; transfer?: CurlTransfer } {
  const cut = stdout.lastIndexOf('\n');
  try {
    const transfer: unknown = JSON.parse(stdout.slice(cut + 1));
    if (typeof transfer === 'object' && transfer !== null) return { body: cut < 0 ? '' : stdout.slice(0, cut), transfer };
  } catch {
    // Not curl's JSON: the output is all body.
  }
  return { body: stdout };
}

/**
 * The answer curl describes in its own JSON account of the transfer (http_code, content_type):
 * no status line or header is parsed from text (1xx interim answers, header folding, HTTP/2).
 */
export function parseCurlOutput(stdout: string): HttpAnswer | undefined {
  const { body, transfer } = splitCurlOutput(stdout);
  const status = transfer?.http_code;
  // http_code 0: no answer came.
  if (typeof status !== 'number' || status === 0) return undefined;
  return { status, contentType: mediaType(typeof transfer?.content_type === 'string' ? transfer.content_type : undefined), body };
}

/** The evidence as a report shows it: the body, then only the fields of curl's 2 kB JSON line that were read. */
function curlEvidence(evidence: Evidence): Evidence {
  const { body, transfer } = splitCurlOutput(evidence.stdout);
  if (!transfer) return evidence;
  const read = JSON.stringify({ http_code: transfer.http_code, content_type: transfer.content_type });
  return { ...evidence, stdout: `${body}\n%{json} (the fields read): ${read}` };
}

/**
 * GET `url` from inside the host with curl: the service's own port listens on the host's
 * loopback, which the harness cannot reach. https is verified against the host's trust
 * store (it includes the host CA); never with --insecure.
 */
export async function httpGetInHost(shell: Shell, url: string, timeoutMs: number): Promise<HttpResult> {
  const evidence = await shell.run(['curl', '--silent', '--show-error', '--max-time', String(Math.ceil(timeoutMs / 1000)), '--write-out', CURL_WRITE_OUT, url]);
  return fact(evidence.exitCode === 0 ? parseCurlOutput(evidence.stdout) : undefined, curlEvidence(evidence));
}

/** An HTTPS origin reached from the harness process (nginx on the host's published 443), its TLS verified against `ca`. */
export interface HttpsOrigin {
  /** e.g. https://127.0.0.1:32771 */
  origin: string;
  ca: string;
  /** Where the CA was read, for the evidence. */
  caSource: string;
}

/**
 * One GET over TLS verified against `ca` (the host's name or IP checked against the
 * certificate), on a socket of its own that closes with the answer (none may outlive the
 * scenario's host), the whole exchange bounded by `timeoutMs`. node's own client: undici cost
 * each cucumber process 0.17 s of CPU to load.
 */
function getVerified(url: string, ca: string, timeoutMs: number): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const get = request(url, { method: 'GET', ca, agent: false, signal: AbortSignal.timeout(timeoutMs) }, (response) => {
      const body: Buffer[] = [];
      response.on('data', (chunk: Buffer) => body.push(chunk));
      response.on('error', reject);
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, contentType: mediaType(response.headers['content-type']), body: Buffer.concat(body).toString('utf8') }),
      );
    });
    get.on('error', reject);
    get.end();
  });
}

export async function httpsGet(target: HttpsOrigin, path: string, timeoutMs: number): Promise<HttpResult> {
  const url = `${target.origin}${path}`;
  const base: Omit<Evidence, 'exitCode' | 'stdout' | 'stderr'> = {
    command: `GET ${url}   (TLS verified against ${target.caSource})`,
    user: HARNESS_PROCESS,
  };
  try {
    const answer = await getVerified(url, target.ca, timeoutMs);
    const stdout = `HTTP ${answer.status}${answer.contentType ? ` (${answer.contentType})` : ''}\n${answer.body}`;
    return fact(answer, { ...base, exitCode: 0, stdout, stderr: '' });
  } catch (error) {
    const { message, code } = error as NodeJS.ErrnoException;
    const stderr = code && !message.includes(code) ? `${message} (${code})` : message;
    return fact(undefined, { ...base, exitCode: 1, stdout: '', stderr });
  }
}

/** "HTTP 401", or why there was no answer: for the found: part of a message. */
export function describeAnswer(result: HttpResult): string {
  if (result.value) return `HTTP ${result.value.status}${result.value.contentType ? ` (${result.value.contentType})` : ''}`;
  const evidence = result.evidence[result.evidence.length - 1];
  return `no HTTP answer (${(evidence?.stderr || evidence?.stdout || 'no output').trim().split('\n')[0]})`;
}
