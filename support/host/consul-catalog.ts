import { consulInstances, type ConsulAnswer, type ConsulInstance } from '../probes/consul';
import { fact, lastLines, type Fact } from '../probes/evidence';
import { unitJournal, unitStatus } from '../probes/units';
import { consulEndpoint } from './host-apis';
import { HostWait } from './host-wait';
import type { StartedWazoHost } from './started-wazo-host';

/** The unit of the host's consul agent. */
export const CONSUL_UNIT = 'consul.service';

/**
 * The service's instances as the host's consul reports them. When consul does not answer,
 * the evidence adds consul's own unit status and its journal's last lines in the host: they say
 * whether consul is down, and why, where a connection error alone does not. The journal apart:
 * `systemctl status` shows only the last start's lines, and after failed restarts that start
 * was refused, its lines systemd's alone, without consul's own reason.
 */
export async function instancesInConsul(host: StartedWazoHost, service: string, requestMs: number): Promise<Fact<ConsulAnswer>> {
  // The endpoint is read each time: the published port changes with a reboot.
  const answer = await consulInstances(await consulEndpoint(host), service, requestMs);
  if (answer.value.unanswered === undefined) return answer;
  const [status, journal] = await Promise.all([unitStatus(host, CONSUL_UNIT), unitJournal(host, CONSUL_UNIT)]);
  return fact(answer.value, ...answer.evidence, status, lastLines(journal, 15));
}

/** The registered wait: asks consul until `done` holds of an answer it gave; an unanswered question never satisfies it. */
export function registeredWait(service: string, done: (instances: ConsulInstance[]) => boolean, boundMs: number, requestMs: number): HostWait<StartedWazoHost, ConsulAnswer> {
  return new HostWait((host) => () => instancesInConsul(host, service, requestMs), (answer) => answer.unanswered === undefined && done(answer.instances), boundMs);
}
