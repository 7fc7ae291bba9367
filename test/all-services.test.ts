// The nightly matrix on one machine: --all runs every service, each on its own host with its
// own labels and reports, several at once with --parallel; --shard runs a slice.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Docker from 'dockerode';
import { LABEL } from '../support/docker/run-labels';
import { harnessLeftovers, runAcceptance } from './harness';
import { PATHS } from '../support/paths';

const docker = new Docker();

test('--all --parallel 2 checks two services on two hosts at the same time, and both reports are complete', async () => {
  const runsSeenTogether = new Set<string>();
  let watching = true;
  const watcher = (async () => {
    while (watching) {
      const hosts = await docker.listContainers({ filters: { label: [LABEL.harness], name: ['installed'] } });
      const runs = new Set(hosts.map((h) => h.Labels[LABEL.run]).filter((r) => r !== undefined));
      if (runs.size >= 2) for (const r of runs) runsSeenTogether.add(r);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  const run = await runAcceptance(['--all', '--parallel', '2', '--tags', '@install or @user']);
  watching = false;
  await watcher;
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.ok(runsSeenTogether.size >= 2, 'two hosts of two runs existed at the same time');
  for (const service of ['wazo-bar', 'wazo-foo']) {
    assert.match(run.stdout, new RegExp(`^\\[${service}\\] PASS +@install`, 'm'));
    const report = readFileSync(join(PATHS.reports, service, 'compliance.md'), 'utf8');
    assert.match(report, new RegExp(`^# ${service}: new-service guidelines compliance`));
    assert.equal(report.match(/^\| \d+ \| /gm)?.length, 21, 'every checklist item is in the report');
    assert.match(readFileSync(join(PATHS.reports, service, 'junit.xml'), 'utf8'), /<testsuite [^>]*failures="0"/);
  }
  assert.match(run.stdout, /^wazo-bar: exit 0, report .*compliance\.md\nwazo-foo: exit 0/m);
  assert.deepEqual(await harnessLeftovers(), []);
});

test('--all --shard 2/2 checks only its slice of the services', async () => {
  const run = await runAcceptance(['--all', '--shard', '2/2', '--tags', '@install']);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /^\[wazo-foo\] PASS/m);
  assert.doesNotMatch(run.stdout, /\[wazo-bar\]/);
});
