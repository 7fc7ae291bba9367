// How much CPU the whole machine spent during a measurement: every process, the hosts'
// containers and the engine included (a run's own process tree does not see its containers).
import { readFileSync } from 'node:fs';

/** /proc/stat counts in USER_HZ, 100 per second on Linux. */
const TICK_MS = 10;

/** The machine's busy CPU time since boot, in ms: every state of the `cpu` line but idle and iowait. */
export function machineBusyMs(stat = readFileSync('/proc/stat', 'utf8')): number {
  const fields = /^cpu\s+(.*)$/m.exec(stat)?.[1].trim().split(/\s+/).map(Number);
  if (!fields || fields.length < 5 || fields.some((n) => !Number.isFinite(n))) throw new Error('/proc/stat has no readable cpu line');
  // user nice system idle iowait irq softirq steal [guest guest_nice, already counted in user and nice]
  const [user, nice, system, , , irq = 0, softirq = 0, steal = 0] = fields;
  return (user + nice + system + irq + softirq + steal) * TICK_MS;
}
