import { consulInstances, type ConsulAnswer, type ConsulInstance } from '../probes/consul';
import { fact, type Fact } from '../probes/evidence';
import { unitStatus } from '../probes/units';
import { consulEndpoint } from './host-apis';
import { HostWait } from './host-wait';
import type { StartedWazoHost } from './started-wazo-host';

/** The unit of the host's consul agent. */
export const CONSUL_UNIT = 'consul.service';

/**
 * The service's instances as the host's consul reports them. When consul does not answer,
 * the evidence adds consul's own unit status and last journal lines in the host: they say
 * whether consul is down, and why, where a connection error alone does not.
 */
export async function instancesInConsul(host: StartedWazoHost, service: string, requestMs: number): Promise<Fact<ConsulAnswer>> {
  // The endpoint is read each time: the published port changes with a reboot.
  const answer = await consulInstances(await consulEndpoint(host), service, requestMs);
  if (answer.value.unanswered === undefined) return answer;
  const status = await unitStatus(host, CONSUL_UNIT);
  return fact(answer.value, ...answer.evidence, status);
}

/** The registered wait: asks consul until `done` holds of an answer it gave; an unanswered question never satisfies it. */
export function registeredWait(service: string, done: (instances: ConsulInstance[]) => boolean, boundMs: number, requestMs: number): HostWait<StartedWazoHost, ConsulAnswer> {
  return new HostWait((host) => () => instancesInConsul(host, service, requestMs), (answer) => answer.unanswered === undefined && done(answer.instances), boundMs);
}
