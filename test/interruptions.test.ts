// Ctrl-C (SIGINT) or SIGTERM at any point stops a run within seconds and removes its
// containers; a run killed with SIGKILL leaves containers that `--cleanup` (or the next run's
// janitor) removes.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { test } from 'node:test';
import Docker from 'dockerode';
import { LABEL } from '../support/docker/run-labels';
import { harnessLeftovers, ROOT, runAcceptance } from './harness';

const docker = new Docker();

function startRun(): { child: ChildProcess; output: () => string; exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }> } {
  const child = spawn(process.execPath, ['scripts/run-compiled.js', 'support/cli/acceptance.ts', '--service', 'wazo-foo'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, output: () => output, exit };
}

/** The run's host containers (not the short tool containers that check its package). */
async function hostsOf(pid: number): Promise<string[]> {
  return (await containersOf(pid)).filter((name) => /-installed$/.test(name));
}

async function containersOf(pid: number): Promise<string[]> {
  const list = await docker.listContainers({ all: true, filters: { label: [`${LABEL.pid}=${pid}`] } });
  return list.map((c) => c.Names[0]);
}

async function until(condition: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Sends the signal once the run reached `moment`; it must stop within seconds with `code` and leave no container. */
async function interruptAndExpect(signal: NodeJS.Signals, code: number, moment: (run: ReturnType<typeof startRun>) => Promise<void>): Promise<string> {
  const run = startRun();
  await moment(run);
  const sent = Date.now();
  run.child.kill(signal);
  const exit = await run.exit;
  assert.equal(exit.code, code, run.output());
  assert.ok(Date.now() - sent < 10_000, `stopped ${(Date.now() - sent) / 1000} s after ${signal}`);
  assert.deepEqual(await containersOf(run.child.pid!), []);
  return run.output();
}

test('SIGINT while the host boots stops within seconds, exits 130 and removes the host', async () => {
  const output = await interruptAndExpect('SIGINT', 130, (run) =>
    until(async () => (await hostsOf(run.child.pid!)).length > 0, 60_000, 'the run to create its host'),
  );
  assert.match(output, /SIGINT: stopping; removing the containers of run/);
});

test('SIGTERM while checking stops within seconds, exits 143 and removes the host', async () => {
  await interruptAndExpect('SIGTERM', 143, (run) => until(() => /PASS|FAIL/.test(run.output()), 90_000, 'the first checked item'));
});

test('a run killed with SIGKILL leaves its host, which --cleanup removes, and no container it did not create', async () => {
  const run = startRun();
  await until(async () => (await hostsOf(run.child.pid!)).length > 0, 60_000, 'the run to create its host');
  run.child.kill('SIGKILL');
  await run.exit;
  assert.notDeepEqual(await containersOf(run.child.pid!), [], 'SIGKILL cannot be caught: the host is left');
  // Someone else's container made from the same host image inherits the image's harness
  // label: the janitor must tell it from a run's by the run label, and leave it.
  const [host] = await hostsOf(run.child.pid!);
  const foreign = await docker.createContainer({ Image: (await docker.getContainer(host.slice(1)).inspect()).Config.Image, Cmd: ['true'] });
  try {
    const cleanup = await runAcceptance(['--cleanup']);
    assert.equal(cleanup.code, 0, cleanup.stderr);
    assert.match(cleanup.stderr, /removed leftovers of ended runs: wazo-acceptance-/);
    assert.deepEqual(await containersOf(run.child.pid!), []);
    assert.equal((await foreign.inspect()).Id, foreign.id, 'a container of no run is not the janitor\'s');
  } finally {
    await foreign.remove({ force: true });
  }
  assert.deepEqual(await harnessLeftovers(), []);
});
