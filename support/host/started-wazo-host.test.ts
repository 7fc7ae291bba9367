import assert from 'node:assert/strict';
import { test } from 'node:test';
import type Dockerode from 'dockerode';
import { StartedWazoHost } from './started-wazo-host';
import type { SystemdBootWait } from './systemd-boot-wait';

/** A container whose stop ends with `exitCode`, recording the engine calls a reboot makes. */
function container(exitCode: number): { container: Dockerode.Container; calls: string[] } {
  const calls: string[] = [];
  let stopped = false;
  const fake = {
    stop: async (options: { t: number }) => {
      calls.push(`stop t=${options.t}`);
      stopped = true;
    },
    start: async () => {
      calls.push('start');
      stopped = false;
    },
    inspect: async () => ({ Name: '/host', State: { ExitCode: stopped ? exitCode : 0, StartedAt: '2026-12-07T21:00:00Z' } }),
  };
  return { container: fake as unknown as Dockerode.Container, calls };
}

const booted = { waitUntilReady: async () => undefined, lastState: 'running' } as unknown as SystemdBootWait;
const info = { Name: '/host' } as Dockerode.ContainerInspectInfo;

test('a reboot says whether systemd finished the shutdown itself or the engine killed the host at the bound', async () => {
  const clean = container(0);
  assert.deepEqual(await new StartedWazoHost(clean.container, info, booted).reboot(30_000), { shutdown: 'clean', exitCode: 0 });
  assert.deepEqual(clean.calls, ['stop t=30', 'start']);
  const killed = container(137);
  assert.deepEqual(await new StartedWazoHost(killed.container, info, booted).reboot(30_000), { shutdown: 'killed', exitCode: 137 });
});
