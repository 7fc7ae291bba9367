// Items 11 and 12 of the checklist: after wazo-upgrade, the service is in the state the
// manifest declares (a slave's services stay stopped unless it says running).
import type { ServiceManifest } from '../configuration/manifest';
import type { UnitState } from '../probes/units';

export type RunState = ServiceManifest['slave']['stateAfterUpgrade'];

/** The unit's state as the manifest words it: active is running, anything else stopped. */
export function runState(state: Pick<UnitState, 'activeState'>): RunState {
  return state.activeState === 'active' ? 'running' : 'stopped';
}

/** In the declared state: running, or stopped with no process left in the unit. */
export function inDeclaredState(declared: RunState, found: RunState, processCount: number): boolean {
  return found === declared && (declared === 'running' || processCount === 0);
}
