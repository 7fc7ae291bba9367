import { fact, type Fact, type Shell } from './evidence';

export interface ConsulInstance {
  id: string;
  tags: string[];
  /** Every check of the instance (its TTL check and the node's) passes. */
  passing: boolean;
}

interface HealthEntry {
  Service?: { ID?: string; Tags?: string[] | null };
  Checks?: Array<{ Status?: string }>;
}

/** The consul master token, read inside the host and used there: it never enters a command line or the evidence. */
export const CONSUL_TOKEN_FILE = '/var/lib/consul/master_token';

/**
 * The instances of a service that the host's consul knows, healthy or not. The token is
 * read and used inside one `sh -c`, so the evidence shows `$token`, never its value.
 */
export async function consulInstances(shell: Shell, service: string): Promise<Fact<ConsulInstance[]>> {
  const script = `token=$(cat ${CONSUL_TOKEN_FILE}) && curl -sS --fail --max-time 5 -H "X-Consul-Token: $token" http://127.0.0.1:8500/v1/health/service/${service}`;
  const evidence = await shell.run(['sh', '-c', script]);
  return fact(evidence.exitCode === 0 ? parseHealth(evidence.stdout) : [], evidence);
}

export function parseHealth(json: string): ConsulInstance[] {
  let entries: HealthEntry[];
  try {
    entries = JSON.parse(json) as HealthEntry[];
  } catch {
    return [];
  }
  return (Array.isArray(entries) ? entries : []).map((entry) => ({
    id: entry.Service?.ID ?? '',
    tags: entry.Service?.Tags ?? [],
    passing: (entry.Checks ?? []).length > 0 && (entry.Checks ?? []).every((check) => check.Status === 'passing'),
  }));
}
