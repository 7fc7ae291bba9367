import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { Readable, type Writable } from 'node:stream';
import { test } from 'node:test';
import type Dockerode from 'dockerode';
import Modem from 'docker-modem';
import { onMockClock } from '../../test/mock-clock';
import { SystemdBootWait } from './systemd-boot-wait';

/** What the engine says of the container: running (the default), or stopped with an exit code and its console output. */
interface EngineView {
  running: boolean;
  exitCode?: number;
  logs?: Buffer;
}

/** A log frame as the engine sends it without a TTY: stream 1 (stdout), length, text. */
function frame(text: string): Buffer {
  const header = Buffer.alloc(8);
  header[0] = 1;
  header.writeUInt32BE(Buffer.byteLength(text), 4);
  return Buffer.concat([header, Buffer.from(text)]);
}

/**
 * A container whose `systemctl is-system-running` answers `states` in turn (then the last
 * again); an Error fails the exec itself. `engine` is what inspecting it returns.
 */
function containerSaying(states: Array<string | Error>, engine: EngineView = { running: true }): Dockerode.Container & { inspections: number } {
  let calls = 0;
  const fake = {
    inspections: 0,
    inspect: async () => {
      fake.inspections++;
      return { State: { Running: engine.running, ExitCode: engine.exitCode ?? 0, OOMKilled: false, Error: '' } };
    },
    logs: async () => engine.logs ?? Buffer.alloc(0),
    exec: async () => {
      const state = states[Math.min(calls++, states.length - 1)];
      if (state instanceof Error) throw state;
      const stream = new EventEmitter();
      return { start: async () => Object.assign(stream, { state }), inspect: async () => ({ ExitCode: 0 }) };
    },
    modem: {
      // An exec's stream says its state; a log's is demuxed by the engine client's own code.
      demuxStream: (stream: Readable | (EventEmitter & { state: string }), out: Writable, err: Writable) => {
        if (stream instanceof Readable) return new Modem().demuxStream(stream, out, err);
        out.write(`${stream.state}\n`);
        queueMicrotask(() => stream.emit('end'));
      },
    },
  };
  return fake as unknown as Dockerode.Container & { inspections: number };
}

test('the boot wait ends when systemd says running, and keeps the state it saw', async (t) => {
  const wait = new SystemdBootWait(5_000);
  const { elapsedMs } = await onMockClock(t, () => wait.waitUntilReady(containerSaying(['starting', 'starting', 'running'])), 250);
  assert.deepEqual([wait.lastState, elapsedMs], ['running', 500]);
});

test('the boot wait gives up at the bound it was made with, naming the last state', async (t) => {
  const wait = new SystemdBootWait(1_000);
  const container = containerSaying([new Error('exec failed: the engine is busy')]);
  const failed = onMockClock(t, () => wait.waitUntilReady(container), 250);
  await assert.rejects(failed, /did not finish booting within 1 s .*last state: exec failed: the engine is busy\)$/);
  assert.ok(container.inspections > 1, 'a failed exec of a running container is asked again');
});

test('a host whose container stopped ends the wait at once, with its exit code and last console lines', async (t) => {
  const wait = new SystemdBootWait(90_000);
  const logs = Buffer.concat([frame('[  OK  ] Reached target basic.target.\n'), frame('Freezing execution.\n')]);
  const container = containerSaying(['starting', new Error('(HTTP code 409) container is not running')], { running: false, exitCode: 255, logs });
  const failed = onMockClock(t, () => wait.waitUntilReady(container), 250);
  await assert.rejects(failed, (error: Error) => {
    assert.match(error.message, /^the host's container stopped during its boot, 0\.3 s into the wait: systemd \(its PID 1\) exited with code 255; /);
    assert.match(error.message, /its last console lines:\n\[  OK  \] Reached target basic.target.\nFreezing execution.$/);
    return true;
  });
  assert.equal(wait.lastState, 'exited with code 255');
});
