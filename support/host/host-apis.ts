import { CONSUL_TOKEN_FILE, type ConsulEndpoint } from '../probes/consul';
import { httpsGet, type HttpResult, type HttpsOrigin } from '../probes/http';
import { HOST_CA } from '../probes/nginx';
import { registerSecret } from '../secrets/redaction';
import type { StartedWazoHost } from './started-wazo-host';
import { HOST_PORTS } from './host-ports';


// A host's token and CA never change (made at its first boot, kept across reboots): read once.
const tokens = new WeakMap<StartedWazoHost, Promise<string>>();
const cas = new WeakMap<StartedWazoHost, Promise<string>>();

async function readHostFile(host: StartedWazoHost, path: string, onRead: (content: string) => void): Promise<string> {
  const evidence = await host.run(['cat', path]);
  const content = evidence.stdout.trim();
  // Registered before anything else looks at it, even a failed read's output.
  if (content) onRead(content);
  if (evidence.exitCode !== 0 || !content) {
    throw new Error(`cannot read ${path} in host ${host.name}: cat exited ${evidence.exitCode}: ${evidence.stderr.trim() || 'empty file'}`);
  }
  return content;
}

/**
 * Consul's HTTP API of the host as the test process reaches it. The master token is a
 * secret: it is registered for redaction the moment it is read, and never put in evidence.
 * The published port is read each time: it changes when the host reboots.
 */
export async function consulEndpoint(host: StartedWazoHost): Promise<ConsulEndpoint> {
  return { port: host.getMappedPort(HOST_PORTS.consul), token: await masterToken(host) };
}

function masterToken(host: StartedWazoHost): Promise<string> {
  if (!tokens.has(host)) tokens.set(host, readHostFile(host, CONSUL_TOKEN_FILE, (token) => registerSecret(token, 'consul master token')));
  return tokens.get(host)!;
}

/**
 * Registers the host's secrets for redaction as soon as it has booted, so that whatever
 * shows them later (a daemon's journal, an error) is masked, whether or not a check used them.
 */
export async function registerHostSecrets(host: StartedWazoHost): Promise<void> {
  await masterToken(host);
}

/** nginx on the host's 443, published on 127.0.0.1, verified against the host's own CA. */
export async function nginxOrigin(host: StartedWazoHost): Promise<HttpsOrigin> {
  if (!cas.has(host)) cas.set(host, readHostFile(host, HOST_CA, () => undefined));
  return { origin: `https://127.0.0.1:${host.getMappedPort(HOST_PORTS.https)}`, ca: await cas.get(host)!, caSource: `the host CA ${HOST_CA}` };
}

/** GET a path through the host's nginx, from the harness process. */
export async function getThroughNginx(host: StartedWazoHost, path: string, timeoutMs: number): Promise<HttpResult> {
  return httpsGet(await nginxOrigin(host), path, timeoutMs);
}
