// The service's waits, each made with its bound from TIMEOUTS (and serving with its rules from
// rules/): host code takes both as parameters, and a step states the bound of the wait it ran.
import { isPassing } from '../rules/discovery';
import { apiAnswered } from '../rules/reboot';
import type { ConsulInstance } from '../probes/consul';
import { registeredWait } from '../host/consul-catalog';
import { readyWait, servingWait, type ReadyService, type ServingService } from '../host/service-readiness';
import { TIMEOUTS } from './timeouts';

export const serviceWaits = {
  /** Active with a stable main PID, and listening on its API port when it has one. */
  ready: (service: ReadyService) => readyWait(service, TIMEOUTS.serviceReady),
  /** After a boot: also registered in consul and answering through nginx. */
  serving: (service: ServingService) => servingWait(service, { passing: isPassing, apiAnswered }, TIMEOUTS.serviceAfterBoot, TIMEOUTS.httpRequest),
  /** consul's catalog of the service until `done` holds; the bound is the caller's (registration, deregistration, a started service). */
  registered: (service: string, done: (instances: ConsulInstance[]) => boolean, boundMs: number) => registeredWait(service, done, boundMs, TIMEOUTS.httpRequest),
};
