// Whether the shared host still serves a scenario that runs after its readers (and changes the
// service): its verdict must never depend on a scenario before it. The handoff directory
// carries the taint and the last change between workers (./shared-host-handoff.ts).
import type { Shell } from '../probes/evidence';
import { platformUnits } from '../host/platform-units';
import type { HostUndo } from '../host/supervisor';
import type { SharedHostHandoff } from './shared-host-handoff';

/**
 * Why the shared host no longer serves such a scenario: a platform unit down after the last
 * scenario that changed it. Undefined before any did: a unit the install itself left down is
 * the install check's finding, met by the first such scenario as on a host of its own.
 */
export async function unitsLeftDown(handoff: SharedHostHandoff, host: Shell): Promise<string | undefined> {
  const before = handoff.lastChange();
  if (before === undefined) return undefined;
  const { down } = await platformUnits(host);
  return down.length > 0 ? `has ${down.map(({ unit, state }) => `${unit} ${state.value.activeState}`).join(', ')} after "${before}"` : undefined;
}

export interface SharedHostEnding {
  scenario: string;
  afterReaders: boolean;
  passed: boolean;
  undo: readonly HostUndo[];
}

/**
 * The end of a scenario on the shared host: what its steps changed is given back (monit
 * started again, a runtime drop-in removed); a change that cannot be given back, or a scenario
 * after the readers that did not pass, taints the host for the scenarios after it.
 */
export async function giveBack(handoff: SharedHostHandoff, host: Shell, ending: SharedHostEnding): Promise<void> {
  for (const { what, command } of ending.undo) {
    const undone = await host.run(command);
    if (undone.exitCode !== 0) handoff.taint(`did not get ${what} back after "${ending.scenario}" (${undone.command}: exit ${undone.exitCode})`);
  }
  if (!ending.afterReaders) return;
  handoff.changedBy(ending.scenario);
  if (!ending.passed) handoff.taint(`was left by "${ending.scenario}", which did not pass there`);
}
