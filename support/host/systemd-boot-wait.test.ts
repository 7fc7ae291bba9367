import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { Writable } from 'node:stream';
import { test } from 'node:test';
import type Dockerode from 'dockerode';
import type { BoundPorts } from 'testcontainers';
import { onMockClock } from '../../test/mock-clock';
import { SystemdBootWait } from './systemd-boot-wait';

const NO_PORTS = {} as BoundPorts;

/** A container whose `systemctl is-system-running` answers `states` in turn (then the last again); an Error fails the exec itself. */
function containerSaying(...states: Array<string | Error>): Dockerode.Container {
  let calls = 0;
  const fake = {
    exec: async () => {
      const state = states[Math.min(calls++, states.length - 1)];
      if (state instanceof Error) throw state;
      const stream = new EventEmitter();
      return { start: async () => Object.assign(stream, { state }), inspect: async () => ({ ExitCode: 0 }) };
    },
    modem: {
      demuxStream: (stream: EventEmitter & { state: string }, out: Writable) => {
        out.write(`${stream.state}\n`);
        queueMicrotask(() => stream.emit('end'));
      },
    },
  };
  return fake as unknown as Dockerode.Container;
}

test('the boot wait ends when systemd says running, and keeps the state it saw', async (t) => {
  const wait = new SystemdBootWait(5_000);
  const { elapsedMs } = await onMockClock(t, () => wait.waitUntilReady(containerSaying('starting', 'starting', 'running'), NO_PORTS), 250);
  assert.deepEqual([wait.lastState, elapsedMs], ['running', 500]);
});

test('the boot wait gives up at the bound it was made with, naming the last state', async (t) => {
  const wait = new SystemdBootWait(1_000);
  assert.deepEqual([wait.getStartupTimeout(), wait.isStartupTimeoutSet()], [1_000, true]);
  const failed = onMockClock(t, () => wait.waitUntilReady(containerSaying(new Error('container is not running')), NO_PORTS), 250);
  await assert.rejects(failed, /did not finish booting within 1 s .*last state: container is not running\)$/);
});

test("testcontainers' startup timeout, when a container sets one, replaces the bound", async (t) => {
  const wait = new SystemdBootWait(1_000).withStartupTimeout(500);
  const failed = onMockClock(t, () => wait.waitUntilReady(containerSaying('starting'), NO_PORTS), 250);
  await assert.rejects(failed, /within 0.5 s .*last state: starting\)$/);
});
