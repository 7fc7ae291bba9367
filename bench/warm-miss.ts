// Why a warm run missed its target, from the bench's own figures. Two machines miss it for
// opposite reasons: one short of CPU (every core busy the whole run), and one that sits idle
// while the run waits on its longest chain of scenarios (the shared host's, run one after the
// other, or the longest host of its own). The remedy differs, so the bench must say which.

export interface WarmFigures {
  wallMs: number;
  /** The machine's busy CPU time during the run (bench/machine-cpu.ts). */
  cpuMs: number;
  cores: number;
  /** Each scenario's median time, its host set-up's, and whether it ran on the shared host. */
  scenarios: Array<{ name: string; ms: number; hostSetUpMs: number; sharedHost: boolean }>;
}

/** Idle above this share of the run's CPU time (wall × cores): CPU was not what bound the run. */
const WAITED_SHARE = 0.2;

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export function warmMissReason(f: WarmFigures): { cpuBound: boolean; text: string } {
  const capacity = f.wallMs * f.cores;
  const idle = Math.max(0, capacity - f.cpuMs);
  const busy = `The machine was busy for ${s(f.cpuMs)} of CPU during the run (the harness, the hosts' containers, the engine): on ${f.cores} cores that is at least ${s(f.cpuMs / f.cores)} of wall, whatever the schedule.`;
  if (idle < WAITED_SHARE * capacity) {
    return { cpuBound: true, text: `${busy} It sat idle for ${s(idle)} of its ${s(capacity)} (wall × cores): the run was bound by CPU. What would remove it: less CPU per host.` };
  }
  const shared = f.scenarios.filter((x) => x.sharedHost);
  const chain = shared.reduce((sum, x) => sum + x.ms, 0);
  const own = f.scenarios.filter((x) => !x.sharedHost).sort((a, b) => b.ms - a.ms)[0];
  const waited = `${busy} It sat idle for ${s(idle)} of its ${s(capacity)} (wall × cores): the run waited, it was not bound by CPU. The shared host's ${shared.length} scenarios take ${s(chain)} one after the other (${s(shared.reduce((sum, x) => sum + x.hostSetUpMs, 0))} of it its boot, install and readiness), the longest scenario on a host of its own ${own ? `"${own.name}" ${s(own.ms)}` : '-'}.`;
  const remedy =
    own === undefined || chain >= own.ms
      ? 'a shorter shared host chain: a scenario after its readers on a host of its own while a worker is free, or shorter waits in those scenarios'
      : `a shorter "${own.name}": its host set-up (${s(own.hostSetUpMs)}) and its waits`;
  return { cpuBound: false, text: `${waited} What would remove it: ${remedy}.` };
}
