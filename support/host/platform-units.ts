import type { Fact, Shell } from '../probes/evidence';
import { unitState, type UnitState } from '../probes/units';
import { CONSUL_UNIT } from './consul-catalog';
import { MONIT_UNIT } from './supervisor';

/** The platform services every Wazo host runs: installing a service must leave them running. */
export const PLATFORM_UNITS = [CONSUL_UNIT, 'nginx.service', MONIT_UNIT];

interface UnitReading {
  unit: string;
  state: Fact<UnitState>;
}

/** Each platform unit's state, and those of them that are not active. */
export async function platformUnits(shell: Shell): Promise<{ states: UnitReading[]; down: UnitReading[] }> {
  const states = await Promise.all(PLATFORM_UNITS.map(async (unit) => ({ unit, state: await unitState(shell, unit) })));
  return { states, down: states.filter(({ state }) => state.value.activeState !== 'active') };
}
