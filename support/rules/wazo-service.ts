// Item 7 of the checklist: wazo-service manages the service, and starts it after what it needs.
import type { ServiceManifest } from '../configuration/manifest';
import { describeSource, type RealToolKnowledge } from '../probes/real-tool-lists';
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

/** The real tool's variable for each group of its lists (and of a drop-in's `group=`). */
const LIST_VARIABLE: Record<string, string> = { wazo: 'wazo_services', default: 'default_services', all: 'all_services' };
/** A drop-in without `group=` is in the default group (the stand-in's rule). */
const DROP_IN_DEFAULT_GROUP = 'default';
/** The stand-in starts drop-ins numbered below this before the real list (its first_after_real_list). */
const FIRST_AFTER_REAL_LIST = 20;

/** Where the service stands with the real wazo-service: in its lists, only in a stand-in's drop-in, or nowhere. */
export type RealServiceStanding =
  | { kind: 'real-list'; group: string }
  | { kind: 'drop-in'; group: string; file: string; beforeRealList: boolean }
  | { kind: 'absent' };

export function realServiceStanding(known: RealToolKnowledge, names: string[]): RealServiceStanding {
  const listed = known.list.lines.find(([, name]) => names.includes(name));
  if (listed) return { kind: 'real-list', group: listed[0] };
  const dropIn = known.dropIns.find((d) => names.includes(d.file.replace(/^[0-9]+-/, '')));
  if (!dropIn) return { kind: 'absent' };
  const group = dropIn.lines.map((l) => l.match(/^group\s*=\s*(\S+)$/)?.[1]).find(Boolean) ?? DROP_IN_DEFAULT_GROUP;
  const beforeRealList = Number(dropIn.file.match(/^([0-9]+)-/)?.[1] ?? FIRST_AFTER_REAL_LIST) < FIRST_AFTER_REAL_LIST;
  return { kind: 'drop-in', group, file: dropIn.file, beforeRealList };
}

/** What the report says about the real tool: the service is in its list, or the change to make there (and what emulates it here). */
export function realServiceNote(standing: RealServiceStanding, name: string, known: RealToolKnowledge): string {
  const real = `the real wazo-service (${describeSource(known.list.source)})`;
  const variable = (group: string) => LIST_VARIABLE[group] ?? `${group} (not a list of the real tool)`;
  if (standing.kind === 'real-list') return `${name} is in ${variable(standing.group)} of ${real}`;
  if (standing.kind === 'drop-in') {
    const early = standing.beforeRealList ? `, and starts ${name} before all of the real list (numbered below ${FIRST_AFTER_REAL_LIST})` : '';
    return `${name} is not in ${real}: add it to its ${variable(standing.group)}; the drop-in ${known.dropInDir}/${standing.file} emulates that change here${early}`;
  }
  return `${name} is not in ${real} and has no drop-in in ${known.dropInDir}/: it needs adding to the real tool's default_services (or wazo_services, to be stopped on a disabled host)`;
}
