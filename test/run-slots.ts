// How many harness runs the self-tests start at once, across test files: test/run-tests.ts
// runs files side by side and hands them a directory of slots (WAZO_SELFTEST_SLOTS, with
// WAZO_SELFTEST_RUNS slots), so that a machine of 2 cores runs a few hosts at a time, whichever
// files they come from. A slot is a directory made with mkdir, which is atomic; it holds the
// pid of its holder, so that the slot of a test process that died is taken back.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { processAlive } from '../support/docker/run-labels';

const POLL_MS = 250;

function tryTake(dir: string, slots: number): string | undefined {
  for (let i = 0; i < slots; i++) {
    const slot = join(dir, `slot-${i}`);
    try {
      mkdirSync(slot);
      writeFileSync(join(slot, 'pid'), String(process.pid));
      return slot;
    } catch {
      // Taken; free it if its holder is gone (a pid not yet written is a holder still taking it).
      const pid = Number(readPid(slot));
      if (pid > 0 && !processAlive(pid)) rmSync(slot, { recursive: true, force: true });
    }
  }
  return undefined;
}

function readPid(slot: string): string {
  try {
    return readFileSync(join(slot, 'pid'), 'utf8');
  } catch {
    return '';
  }
}

/** Runs `start` once a slot is free (at once when the self-tests were not started by run-tests.ts). */
export async function withRunSlot<T>(start: () => Promise<T>): Promise<T> {
  const dir = process.env.WAZO_SELFTEST_SLOTS;
  const slots = Number(process.env.WAZO_SELFTEST_RUNS ?? 0);
  if (!dir || !(slots >= 1)) return start();
  let slot: string | undefined;
  while (!(slot = tryTake(dir, slots))) await sleep(POLL_MS);
  try {
    return await start();
  } finally {
    rmSync(slot, { recursive: true, force: true });
  }
}
