// How much CPU the whole machine spent during a measurement: every process, the hosts'
// containers and the engine included (a run's own process tree does not see its containers).
import { readFileSync } from 'node:fs';

/** /proc/stat counts in USER_HZ, 100 per second on Linux. */
const TICK_MS = 10;

/** The machine's CPU time since boot by state, in ms, summed over its CPUs. */
export interface CpuStates {
  /** user, nice, system, irq and softirq: work done on this machine. */
  work: number;
  /** idle and iowait: nothing to run. */
  idle: number;
  /** Time the hypervisor gave this VM's CPUs to another guest while it had work. */
  steal: number;
  /** How many CPUs the counts add up over. */
  cpus: number;
}

export function cpuStates(stat = readFileSync('/proc/stat', 'utf8')): CpuStates {
  const fields = /^cpu\s+(.*)$/m.exec(stat)?.[1].trim().split(/\s+/).map(Number);
  if (!fields || fields.length < 5 || fields.some((n) => !Number.isFinite(n))) throw new Error('/proc/stat has no readable cpu line');
  // user nice system idle iowait irq softirq steal [guest guest_nice, already counted in user and nice]
  const [user, nice, system, idle, iowait, irq = 0, softirq = 0, steal = 0] = fields;
  return {
    work: (user + nice + system + irq + softirq) * TICK_MS,
    idle: (idle + iowait) * TICK_MS,
    steal: steal * TICK_MS,
    cpus: stat.match(/^cpu\d+\s/gm)?.length ?? 1,
  };
}

/** The machine's busy CPU time since boot, in ms: every state of the `cpu` line but idle and iowait. */
export function machineBusyMs(stat = readFileSync('/proc/stat', 'utf8')): number {
  const { work, steal } = cpuStates(stat);
  return work + steal;
}

/** Where the machine's CPUs went during `wallMs`: `after` minus `before`, and what no state counted. */
export interface CpuSplit {
  work: number;
  idle: number;
  steal: number;
  /**
   * Wall time × CPUs that no state counted: the kernel did not run at all, as when the
   * hypervisor pauses the whole VM. A few hundred ms is rounding and counter granularity.
   */
  unaccounted: number;
}

export function cpuSplit(before: CpuStates, after: CpuStates, wallMs: number): CpuSplit {
  const work = after.work - before.work;
  const idle = after.idle - before.idle;
  const steal = after.steal - before.steal;
  return { work, idle, steal, unaccounted: Math.max(0, wallMs * after.cpus - work - idle - steal) };
}

/** "work 55.1, idle 8.0, steal 0.4, unaccounted 0.0 CPU-s" */
export function describeCpuSplit(split: CpuSplit): string {
  const s = (ms: number) => (ms / 1000).toFixed(1);
  return `work ${s(split.work)}, idle ${s(split.idle)}, steal ${s(split.steal)}, unaccounted ${s(split.unaccounted)} CPU-s`;
}
