import assert from 'node:assert/strict';
import { test } from 'node:test';
import { onMockClock } from '../../test/mock-clock';
import type { ServiceApi } from '../configuration/manifest';
import type { Evidence, Shell } from '../probes/evidence';
import { describeReadiness, describeServing, isCrashLooping, isReady, isServing, readyWait, servingWait, type Readiness, type ServingRules } from './service-readiness';
import type { StartedWazoHost } from './started-wazo-host';

const api = { port: 9504, shortName: 'foo', version: '0.1' } as ServiceApi;
const service = { unit: 'wazo-foo.service', units: [], api };
const LISTENING = 'LISTEN 0 5 127.0.0.1:9504 0.0.0.0:* uid:101 ino:1 sk:2 cgroup:/system.slice/wazo-foo.service <->';

interface Read {
  active: string;
  sub: string;
  pid: number;
  restarts: number;
  listening: boolean;
}

/** A host whose unit goes through `reads` (one per poll), staying at the last one. */
function unitGoingThrough(reads: Read[], nginxAnswers = 200): Shell {
  let index = 0;
  let current = reads[0];
  return {
    run: async (command): Promise<Evidence> => {
      const line = command.join(' ');
      let stdout = current.listening ? LISTENING : '';
      if (command[0] === 'curl') stdout = String(nginxAnswers);
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

test('the ready wait: a unit that restarted once before serving is ready once its PID stays', async (t) => {
  const { value: polled } = await onMockClock(t, () => readyWait(service, 5_000).waitUntilReady(unitGoingThrough([restarting(1), running(90, 1)])), 250);
  assert.equal(polled.satisfied, true);
  assert.equal(isReady(polled.fact.value), true);
  assert.equal(polled.fact.value.unit.mainPid, 90);
});

test('the ready wait of a socket-activated service connects to its port before each read of the unit, as a client starting it would', async (t) => {
  const socketActivated = { ...service, units: [{ unit: 'wazo-foo.socket', role: 'activation' as const }], api: { ...api, listen: '127.0.0.1' } };
  const commands: string[] = [];
  const host = unitGoingThrough([{ active: 'inactive', sub: 'dead', pid: 0, restarts: 0, listening: true }, running(90, 0)]);
  const recording: Shell = { run: (command) => (commands.push(command.join(' ')), host.run(command)) };
  const { value: polled } = await onMockClock(t, () => readyWait(socketActivated, 5_000).waitUntilReady(recording), 250);
  assert.equal(isReady(polled.fact.value), true);
  assert.equal(commands[0], 'timeout 5 bash -c exec 3<>/dev/tcp/127.0.0.1/9504');
  assert.ok(polled.fact.evidence.some((e) => e.command.includes('/dev/tcp/127.0.0.1/9504')), 'the connection is in the evidence');
});

test('the ready wait of a service without an activation socket connects to nothing', async (t) => {
  const commands: string[] = [];
  await onMockClock(t, () => readyWait(service, 5_000).waitUntilReady({ run: (command) => (commands.push(command.join(' ')), unitGoingThrough([running(90, 0)]).run(command)) }), 250);
  assert.ok(commands.every((c) => !c.includes('/dev/tcp/')), commands.join('\n'));
});

test('the ready wait: a PID that keeps changing is never ready, and the wait ends at its own bound', async (t) => {
  const reads = Array.from({ length: 40 }, (_, i) => running(100 + i, 0));
  const wait = readyWait(service, 1_500);
  const { value: polled } = await onMockClock(t, () => wait.waitUntilReady(unitGoingThrough(reads)), 250);
  assert.equal(isReady(polled.fact.value), false);
  assert.deepEqual([polled.satisfied, polled.waitedMs, wait.boundMs], [false, 1_500, 1_500]);
});

test('the ready wait ends early on a crash loop', async (t) => {
  const { value: polled } = await onMockClock(t, () => readyWait(service, 10_000).waitUntilReady(unitGoingThrough([restarting(0), restarting(1), restarting(2), restarting(3)])), 250);
  assert.equal(isCrashLooping(polled.fact.value), true);
  assert.equal(polled.waitedMs, 750, 'the fourth read, not the bound');
});

// Not registering in consul, it is read on its shell alone: a fake host needs no consul.
const servingService = { ...service, name: 'wazo-foo', consul: { registers: false, readsDefaultConfig: false } };
const onHost = (shell: Shell) => shell as StartedWazoHost;

const rules = (answered: number): ServingRules => ({ passing: () => true, apiAnswered: (status) => status === answered });
const teapot = onHost(unitGoingThrough([running(90, 0)], 418));

test("the serving wait takes nginx's answer as its caller's rule says: served at once", async (t) => {
  const served = await onMockClock(t, () => servingWait(servingService, rules(418), 2_000, 1_000).waitUntilReady(teapot), 500);
  assert.deepEqual([served.value.satisfied, served.elapsedMs], [true, 0]);
});

test("the serving wait takes nginx's answer as its caller's rule says: not served, until its own bound", async (t) => {
  const { value: refused } = await onMockClock(t, () => servingWait(servingService, rules(200), 2_000, 1_000).waitUntilReady(teapot), 500);
  assert.deepEqual([refused.satisfied, refused.waitedMs, isServing(refused.fact.value)], [false, 2_000, false]);
  assert.equal(describeServing(refused.fact.value), 'unit active/running, port listening, API through nginx answered 418');
});

test('a service without an API (api: none) is ready without a port: it has none to listen on', () => {
  assert.equal(isReady(readiness({ listening: undefined })), true);
  assert.match(describeReadiness(readiness({ listening: undefined }), undefined), /^unit active\/running, no API port \(api is none\), restarted 0 times/);
});
