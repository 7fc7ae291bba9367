import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import type { Envelope } from '@cucumber/messages';
import { loadDurations, saveDurations, ScenarioClock } from './scenario-durations';
import { scenarioKey } from './shared-host-schedule';

const time = (ms: number) => ({ seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1e6 });
const pickle = (id: string, name: string) => ({ pickle: { id, uri: 'features/a.feature', name, steps: [] } }) as unknown as Envelope;
const testCase = (id: string, pickleId: string) => ({ testCase: { id, pickleId, testSteps: [] } }) as unknown as Envelope;
const started = (id: string, testCaseId: string, ms: number) => ({ testCaseStarted: { id, testCaseId, attempt: 0, timestamp: time(ms) } }) as Envelope;
const finished = (testCaseStartedId: string, ms: number, willBeRetried = false) => ({ testCaseFinished: { testCaseStartedId, willBeRetried, timestamp: time(ms) } }) as Envelope;
const key = (name: string) => scenarioKey({ uri: 'features/a.feature', name });

it('measures each finished scenario from its start to its end, an outline by its longest example, a retried attempt not at all', () => {
  const clock = new ScenarioClock();
  [
    pickle('p1', 'reboot'), pickle('p2', 'outline'), pickle('p3', 'outline'), pickle('p4', 'flaky'), pickle('p5', 'unfinished'),
    testCase('c1', 'p1'), testCase('c2', 'p2'), testCase('c3', 'p3'), testCase('c4', 'p4'), testCase('c5', 'p5'),
    started('s1', 'c1', 1000), started('s2', 'c2', 1000), started('s3', 'c3', 2000), started('s4', 'c4', 1000), started('s5', 'c5', 1000),
    finished('s1', 21500), finished('s2', 4000), finished('s3', 9000), finished('s4', 3000, true),
  ].forEach((e) => clock.onMessage(e));
  assert.deepEqual(clock.measured, { [key('reboot')]: 20500, [key('outline')]: 7000 });
});

it('keeps the last measure of each scenario over the ones before, per service, and reads nothing from a file that is not whole', () => {
  const dir = mkdtempSync(join(tmpdir(), 'durations-'));
  try {
    assert.deepEqual(loadDurations('wazo-foo', dir), {});
    saveDurations('wazo-foo', { a: 1000, b: 2000 }, { b: 3000, c: 4000 }, dir);
    assert.deepEqual(loadDurations('wazo-foo', dir), { a: 1000, b: 3000, c: 4000 });
    assert.deepEqual(loadDurations('wazo-bar', dir), {});
    writeFileSync(join(dir, 'wazo-bar.json'), '{"a": 10');
    assert.deepEqual(loadDurations('wazo-bar', dir), {});
    writeFileSync(join(dir, 'wazo-bar.json'), '{"a": "long"}');
    assert.deepEqual(loadDurations('wazo-bar', dir), {});
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
