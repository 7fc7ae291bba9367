import type { TestContext } from 'node:test';

/**
 * Runs a wait on node's mock clock, advancing it `stepMs` at a time until the wait ends: the
 * reads and pauses are counted in clock time, whatever the load of the machine (a real clock
 * stalled 78 ms in one read of a CI run and made a bound test fail).
 */
export async function onMockClock<T>(t: TestContext, wait: () => Promise<T>, stepMs: number): Promise<{ value: T; elapsedMs: number }> {
  t.mock.timers.enable({ apis: ['setTimeout', 'Date'] });
  const started = Date.now();
  let settled = false;
  const waiting = wait().finally(() => (settled = true));
  // Handled here, rethrown below: a wait that fails while the clock still runs is not an unhandled rejection.
  waiting.catch(() => undefined);
  for (;;) {
    await new Promise((resolve) => setImmediate(resolve)); // the wait's reads and timers run
    if (settled) break;
    t.mock.timers.tick(stepMs);
  }
  return { value: await waiting, elapsedMs: Date.now() - started };
}
