// BatchShell in a real host: many commands in one docker exec per user, each with its own
// exit code, output and user; probes through it return the same facts as without it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Lab } from '../support/api';
import type { StartedWazoHost } from '../support/host/started-wazo-host';
import { BatchShell } from '../support/probes/batch-shell';
import type { Shell } from '../support/probes/evidence';
import { pathInfo } from '../support/probes/files';
import { passwdEntry } from '../support/probes/users';
import { harnessLeftovers } from './harness';

let lab: Lab;
let host: StartedWazoHost;
let execs = 0;
const counting: Shell = { run: (command, options) => (execs++, host.run(command, options)) };

before(async () => {
  lab = await Lab.open();
  host = await lab.boot('batch');
});
after(async () => {
  await lab.close();
  assert.deepEqual(await harnessLeftovers(), []);
});

test('a batch for two users takes two execs; each command keeps its exit code, output and user', async () => {
  execs = 0;
  const [whoRoot, shadow, whoNobody, shadowAsNobody, missing] = await new BatchShell(counting).runAll([
    { command: ['id', '-un'] },
    { command: ['test', '-r', '/etc/shadow'] },
    { command: ['id', '-un'], user: 'nobody' },
    { command: ['test', '-r', '/etc/shadow'], user: 'nobody' },
    { command: ['ls', '/no/such/path'] },
  ]);
  assert.equal(execs, 2);
  assert.deepEqual([whoRoot.stdout, whoRoot.user, whoRoot.exitCode], ['root\n', 'root', 0]);
  assert.equal(shadow.exitCode, 0);
  assert.deepEqual([whoNobody.stdout, whoNobody.user], ['nobody\n', 'nobody']);
  assert.equal(shadowAsNobody.exitCode, 1);
  assert.equal(missing.exitCode, 2);
  assert.match(missing.stderr, /No such file or directory/);
  assert.equal(missing.command, 'ls /no/such/path');
});

test('probes started together through a BatchShell share one exec and read the same facts', async () => {
  const direct = await Promise.all([pathInfo(host, '/etc/shadow'), passwdEntry(host, 'nobody')]);
  execs = 0;
  const batch = new BatchShell(counting);
  const batched = await Promise.all([pathInfo(batch, '/etc/shadow'), passwdEntry(batch, 'nobody')]);
  assert.equal(execs, 1);
  assert.deepEqual(batched.map((f) => f.value), direct.map((f) => f.value));
  assert.deepEqual(batched.map((f) => f.evidence[0].command), direct.map((f) => f.evidence[0].command));
});

test('a user the host does not know fails its commands with the engine\'s reason, not as empty successes', async () => {
  const [evidence] = await new BatchShell(host).runAll([{ command: ['true'], user: 'ghost-user' }]);
  assert.equal(evidence.exitCode, -1);
  assert.match(`${evidence.stdout}${evidence.stderr}`, /ghost-user/);
  assert.match(evidence.stderr, /the batch stopped before this command finished/);
});
