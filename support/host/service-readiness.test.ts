import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ServiceManifest } from '../configuration/manifest';
import type { Evidence, Shell } from '../probes/evidence';
import { describeReadiness, isCrashLooping, isReady, waitUntilReady, type Readiness } from './service-readiness';

const manifest = { unit: 'wazo-foo.service', api: { port: 9504 } } as ServiceManifest;
const LISTENING = 'LISTEN 0 5 127.0.0.1:9504 0.0.0.0:* uid:101 ino:1 sk:2 cgroup:/system.slice/wazo-foo.service <->';

interface Read {
  active: string;
  sub: string;
  pid: number;
  restarts: number;
  listening: boolean;
}

/** A host whose unit goes through `reads` (one per poll), staying at the last one. */
function unitGoingThrough(reads: Read[]): Shell {
  let index = 0;
  let current = reads[0];
  return {
    run: async (command): Promise<Evidence> => {
      const line = command.join(' ');
      let stdout = current.listening ? LISTENING : '';
      if (command[0] === 'systemctl') {
        current = reads[Math.min(index++, reads.length - 1)];
        stdout = `ActiveState=${current.active}\nSubState=${current.sub}\nUnitFileState=enabled\nMainPID=${current.pid}\nNRestarts=${current.restarts}\n`;
      }
      return { command: line, user: 'root', exitCode: 0, stdout, stderr: '' };
    },
  };
}

const running = (pid: number, restarts: number): Read => ({ active: 'active', sub: 'running', pid, restarts, listening: true });
const restarting = (restarts: number): Read => ({ active: 'activating', sub: 'auto-restart', pid: 0, restarts, listening: false });

const readiness = (over: Partial<Readiness>): Readiness => ({
  unit: { activeState: 'active', subState: 'running', unitFileState: 'enabled', mainPid: 88, restarts: 0 },
  listening: true,
  pidStableMs: 600,
  restartsBefore: 0,
  ...over,
});

test('ready: active, listening and the same main PID for half a second, whatever the restarts before', () => {
  assert.equal(isReady(readiness({})), true);
  assert.equal(isReady(readiness({ unit: { ...readiness({}).unit, restarts: 1 } })), true);
  assert.equal(isReady(readiness({ pidStableMs: 200 })), false);
  assert.equal(isReady(readiness({ listening: false })), false);
  assert.equal(isReady(readiness({ unit: { ...readiness({}).unit, mainPid: 0 } })), false);
});

test('a crash loop is three restarts during the wait, not three restarts ever', () => {
  const unit = { activeState: 'activating', subState: 'auto-restart', unitFileState: 'enabled', mainPid: 0, restarts: 4 };
  assert.equal(isCrashLooping(readiness({ unit, listening: false, restartsBefore: 1 })), true);
  assert.equal(isCrashLooping(readiness({ unit, listening: false, restartsBefore: 2 })), false);
  assert.match(describeReadiness(readiness({ unit, listening: false, restartsBefore: 1 }), 9504), /port 9504 not listening, restarted 4 times \(3 during this wait: a crash loop\), no main PID$/);
});

test('waitUntilReady: a unit that restarted once before serving is ready once its PID stays', async () => {
  const polled = await waitUntilReady(unitGoingThrough([restarting(1), running(90, 1)]), manifest, 5_000);
  assert.equal(polled.satisfied, true);
  assert.equal(isReady(polled.fact.value), true);
  assert.equal(polled.fact.value.unit.mainPid, 90);
});

test('waitUntilReady: a PID that keeps changing is never ready', async () => {
  const reads = Array.from({ length: 40 }, (_, i) => running(100 + i, 0));
  const polled = await waitUntilReady(unitGoingThrough(reads), manifest, 1_500);
  assert.equal(isReady(polled.fact.value), false);
});

test('waitUntilReady ends early on a crash loop', async () => {
  const polled = await waitUntilReady(unitGoingThrough([restarting(0), restarting(1), restarting(2), restarting(3)]), manifest, 10_000);
  assert.equal(isCrashLooping(polled.fact.value), true);
  assert.ok(polled.waitedMs < 5_000);
});

test('a service without an API (api: none) is ready without a port: it has none to listen on', () => {
  assert.equal(isReady(readiness({ listening: undefined })), true);
  assert.match(describeReadiness(readiness({ listening: undefined }), undefined), /^unit active\/running, no API port \(api is none\), restarted 0 times/);
});
