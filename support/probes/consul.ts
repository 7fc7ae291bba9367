import { Agent } from 'node:http';
import Consul from 'consul';
import { fact, HARNESS_PROCESS, type Fact } from './evidence';

/** The host's consul ACL master token: a secret, never in evidence. */
export const CONSUL_TOKEN_FILE = '/var/lib/consul/master_token';

export interface ConsulCheck {
  id: string;
  name: string;
  status: string;
  output: string;
}

/** One registered instance of a service, with its own health checks (not the node's). */
export interface ConsulInstance {
  id: string;
  service: string;
  address: string;
  port: number;
  tags: string[];
  checks: ConsulCheck[];
  /** consul's index of the instance's last (re)registration: a registration after a moment has a higher one. */
  modifyIndex: number;
}

/** An entry of GET /v1/health/service/NAME, as consul 1.x answers it (the fields read here). */
export interface HealthEntry {
  Service: { ID: string; Service: string; Address: string; Port: number; Tags: string[] | null; ModifyIndex: number };
  Checks: Array<{ CheckID: string; Name: string; Status: string; Output: string; ServiceID: string }>;
}

export function instancesOf(entries: HealthEntry[]): ConsulInstance[] {
  return entries.map(({ Service, Checks }) => ({
    id: Service.ID,
    service: Service.Service,
    address: Service.Address,
    port: Service.Port,
    tags: Service.Tags ?? [],
    modifyIndex: Service.ModifyIndex,
    checks: Checks.filter((c) => c.ServiceID === Service.ID).map((c) => ({ id: c.CheckID, name: c.Name, status: c.Status, output: c.Output })),
  }));
}

/**
 * What consul said of a service: its instances, or why it could not be asked. An unanswered
 * question is never "no instance": a check on deregistration must not pass because consul is down.
 */
export interface ConsulAnswer {
  instances: ConsulInstance[];
  /** Why consul did not answer (connection refused, timeout, ACL denied); absent when it answered. */
  unanswered?: string;
}

/** Consul's HTTP API as the harness reaches it: the host's 8500 published on 127.0.0.1, with the host's master token. */
export interface ConsulEndpoint {
  port: number;
  token: string;
}

/** The service's instances in consul's catalog with their checks, read through consul's HTTP API. */
export async function consulInstances(endpoint: ConsulEndpoint, service: string, timeoutMs: number): Promise<Fact<ConsulAnswer>> {
  // No keep-alive: each probe is one request, and no socket may outlive the scenario's host.
  const agent = new Agent({ keepAlive: false });
  const consul = new Consul({ host: '127.0.0.1', port: endpoint.port, defaults: { token: endpoint.token }, agent });
  // The token is sent as a header; the evidence names where it came from, never its value.
  const command = `GET http://127.0.0.1:${endpoint.port}/v1/health/service/${service}   (X-Consul-Token: the host's master token)`;
  try {
    // `timeout` is a request option of the client that its types do not list.
    const entries = (await consul.health.service({ service, timeout: timeoutMs } as { service: string })) as HealthEntry[];
    const instances = instancesOf(entries);
    const stdout = instances.length === 0 ? '[] (no instance)' : instances.map((i) => JSON.stringify(i)).join('\n');
    return fact({ instances }, { command, user: HARNESS_PROCESS, exitCode: 0, stdout, stderr: '' });
  } catch (error) {
    const reason = (error as Error).message;
    return fact({ instances: [], unanswered: reason }, { command, user: HARNESS_PROCESS, exitCode: 1, stdout: '', stderr: reason });
  } finally {
    agent.destroy();
  }
}
