import { addressScope, sameAddress } from '../ip-address';
import type { ServiceApi, ServiceManifest } from '../configuration/manifest';
import type { ConsulAnswer, ConsulInstance } from '../probes/consul';

/** Passing: the instance has a health check of its own (Wazo daemons use a TTL check) and all of them pass. */
export function isPassing(instance: ConsulInstance): boolean {
  return instance.checks.length > 0 && instance.checks.every((c) => c.status === 'passing');
}

/** The service is running for consul: one of its instances passes. */
export function hasPassingInstance(instances: ConsulInstance[]): boolean {
  return instances.some(isPassing);
}

/** consul's index of the latest registration among the instances (0 when there is none). */
export function lastRegistrationIndex(instances: ConsulInstance[]): number {
  return Math.max(0, ...instances.map((i) => i.modifyIndex));
}

/**
 * Registered once after a restart: exactly one instance, passing, registered after the index
 * consul had before the restart (the old instance alone, before the new process registers,
 * is not "once").
 */
export function registeredOnceSince(instances: ConsulInstance[], indexBefore: number): boolean {
  return instances.length === 1 && isPassing(instances[0]) && instances[0].modifyIndex > indexBefore;
}

/**
 * The address other services are told to use: the manifest's listen address when it is one
 * address (the loopback, v4 or v6, or one interface); a service listening on all addresses
 * must advertise a concrete one (or none, which consul replaces by the node's), never a wildcard.
 */
export function addressMatches(address: string, listen: ServiceApi['listen']): boolean {
  if (addressScope(listen) === 'every address') return address === '' || addressScope(address) !== 'every address';
  return address !== '' && sameAddress(address, listen);
}

export function expectedAddress(listen: ServiceApi['listen']): string {
  return addressScope(listen) === 'every address' ? `a concrete address (not ${listen})` : `address ${listen}`;
}

/**
 * What differs between a registered instance and the manifest: one phrase per difference. A
 * service without an API (api: none) declares no address nor port: only its tag is judged.
 */
export function registrationMismatches(instance: ConsulInstance, manifest: ServiceManifest): string[] {
  const { api } = manifest;
  return [
    ...(!api || addressMatches(instance.address, api.listen) ? [] : [`address ${instance.address || '(empty)'}`]),
    ...(!api || instance.port === api.port ? [] : [`port ${instance.port}`]),
    ...(instance.tags.includes(manifest.name) ? [] : [`tags [${instance.tags.join(', ')}] without ${manifest.name}`]),
  ];
}

export function describeInstance(instance: ConsulInstance): string {
  const checks = instance.checks.map((c) => `${c.id} ${c.status}`).join(', ') || 'no health check';
  return `instance ${instance.id} at ${instance.address || '(node address)'}:${instance.port}, tags [${instance.tags.join(', ')}], ${checks}`;
}

/** What consul said of a service, in a phrase: why it did not answer, no instance, or each instance. */
export function describeAnswer(service: string, answer: ConsulAnswer): string {
  if (answer.unanswered !== undefined) return `consul did not answer (${answer.unanswered}): consul is down or unreachable in the host, see its status below`;
  return answer.instances.length === 0 ? `no instance of ${service} in consul's catalog` : answer.instances.map(describeInstance).join('; ');
}
