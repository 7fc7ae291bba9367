// Item 7 of the checklist: wazo-service manages the service, and starts it after what it needs.
import type { ServiceManifest } from '../configuration/manifest';
import type { UnitState } from '../probes/units';
import type { WazoServiceLine } from '../probes/wazo-service';

/** The host's services a Wazo daemon needs up first; the real tool starts them before the daemons. */
export const HOST_SERVICES_FIRST = ['consul', 'nginx'];

/** The names wazo-service may give the service: its name, its unit, or its unit without .service. */
export function wazoServiceNames(manifest: Pick<ServiceManifest, 'name' | 'unit'>): string[] {
  return [manifest.name, manifest.unit, manifest.unit.replace(/\.service$/, '')];
}

/** The service's line of `wazo-service status`, under any of its names. */
export function statusLineOf(lines: WazoServiceLine[], names: string[]): WazoServiceLine | undefined {
  return lines.find((l) => names.includes(l.name));
}

/** Where the service is in wazo-service's start order (-1: not started), and the host services started after it. */
export function startPosition(order: string[], names: string[]): { position: number; hostServicesAfter: string[] } {
  const position = order.findIndex((unit) => names.includes(unit));
  return { position, hostServicesAfter: HOST_SERVICES_FIRST.filter((s) => order.indexOf(s) > position) };
}

/** Stopped by `wazo-service stop`: the unit inactive and no process left in it. */
export function isStopped(state: Pick<UnitState, 'activeState'>, processCount: number): boolean {
  return state.activeState === 'inactive' && processCount === 0;
}
