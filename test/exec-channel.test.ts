// The exec channels a host runs its commands on answer exactly as one `docker exec` per
// command would (support/host/container-exec.ts): exit code, stdout and stderr apart, users
// with their groups and HOME, docker's errors for a missing user or program, programs never
// shell builtins; concurrent commands each get a channel; a reboot ends them and the next
// command opens a new one.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import Docker from 'dockerode';
import { runInContainer } from '../support/host/container-exec';
import { Lab } from '../support/api';
import type { StartedWazoHost } from '../support/host/started-wazo-host';
import { TIMEOUTS } from '../support/runtime/timeouts';
import { harnessLeftovers } from './harness';

let lab: Lab;
let host: StartedWazoHost;
let container: Docker.Container;

before(async () => {
  lab = await Lab.open();
  host = await lab.boot('channel');
  container = new Docker().getContainer(host.getId());
  await host.run(['sh', '-c', 'adduser --quiet --system --group --home /var/lib/chan chan && adduser --quiet chan consul']);
});
after(async () => {
  await lab.close();
  assert.deepEqual(await harnessLeftovers(), []);
});

const CASES: Array<{ command: string[]; user?: string }> = [
  { command: ['sh', '-c', 'echo out; echo err >&2; exit 3'] },
  { command: ['sh', '-c', 'env | LC_ALL=C sort; pwd; id'] },
  { command: ['sh', '-c', 'env | LC_ALL=C sort; pwd; id'], user: 'chan' },
  { command: ['sh', '-c', 'echo $HOME; id -nG'], user: 'nobody' },
  { command: ['test', '-r', '/etc/shadow'], user: 'chan' },
  { command: ['test', '-r', '/etc/wazo/consul.yml'], user: 'chan' },
  { command: ['printf', '%s|%s|%s', 'a b', '', "it's \"quoted\" $HOME \\"] },
  { command: ['sh', '-c', 'printf "no final newline"; printf "\\n\\n" >&2'] },
  { command: ['sh', '-c', 'cat; echo stdin closed'] },
  { command: ['true'], user: 'nosuchuser' },
  { command: ['nosuchcommand', 'arg'] },
];

test('each command answers as its own docker exec would: output, exit code, user, errors', async () => {
  for (const { command, user } of CASES) {
    const alone = await runInContainer(container, command, { user });
    const channelled = await host.run(command, { user });
    assert.deepEqual(
      { stdout: channelled.stdout.replace(/^HOSTNAME=.*\n/m, ''), stderr: channelled.stderr, exitCode: channelled.exitCode },
      { ...alone, stdout: alone.stdout.replace(/^HOSTNAME=.*\n/m, '') },
      `${JSON.stringify(command)} as ${user ?? 'root'}`,
    );
  }
});

test('a megabyte of output and binary bytes come back whole', async () => {
  const big = await host.run(['sh', '-c', 'head -c 1048576 /dev/zero | tr "\\0" x']);
  assert.equal(big.stdout.length, 1048576);
  const bytes = await host.run(['sh', '-c', 'printf "\\303\\251t\\303\\251"']);
  assert.equal(bytes.stdout, 'été');
});

test('concurrent commands run at once, each on a channel of its own', async () => {
  // A rendezvous, not a stopwatch: each command waits until all four have started, which
  // commands run one after the other on one channel never do (the first would give up).
  const dir = `/run/exec-channel-test-${Date.now()}`;
  const meet = (i: number) => `mkdir -p ${dir} && touch ${dir}/${i}; for n in $(seq 300); do [ $(ls ${dir} | wc -l) -ge 4 ] && echo ${i} && exit 0; sleep 0.1; done; exit 1`;
  const met = await Promise.all([0, 1, 2, 3].map((i) => host.run(['sh', '-c', meet(i)])));
  assert.deepEqual(met.map((m) => [m.exitCode, m.stdout]), [0, 1, 2, 3].map((i) => [0, `${i}\n`]));
});

test('a reboot ends the channels; the next command opens a new one on the booted host', async () => {
  // PID 1 starts again at a boot: its start time tells the booted host from the old one.
  const pid1Start = ['ps', '-o', 'lstart=', '-p', '1'];
  const before = await host.run(pid1Start);
  await host.reboot(TIMEOUTS.shutdown);
  const after = await host.run(pid1Start);
  assert.equal(after.exitCode, 0, after.stderr);
  assert.notEqual(after.stdout, before.stdout, 'the command ran on the host as it was before the reboot');
  assert.match((await host.run(['systemctl', 'is-system-running'])).stdout, /running|degraded/);
});
