// The consul master token of a host must never reach the harness's output, its failure
// messages or its diagnostics files. The run keeps its hosts (--keep) so that this test
// can read each host's token afterwards and look for it everywhere the run wrote.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Docker from 'dockerode';
import { runInContainer } from '../support/host/container-exec';
import { CONSUL_TOKEN_FILE } from '../support/probes/consul';
import { brokenExamples } from './broken-examples';
import { buildExamplePackages, harnessLeftovers, runAcceptance } from './harness';
import { PATHS } from '../support/paths';

test('no host\'s consul token appears in the output, the failure messages or the diagnostics of a failing run', async () => {
  const example = brokenExamples().find((e) => e.variant === 'wrong-port-in-consul');
  assert.ok(example, 'the broken example wrong-port-in-consul exists');
  const deb = join(PATHS.exampleDebs, 'broken', example.variant, 'wazo-foo_1.1.0_all.deb');
  const reportsDir = join(PATHS.reports, 'self-test', 'secrets');
  if (!existsSync(deb)) await buildExamplePackages();

  const run = await runAcceptance(['--service', 'wazo-foo', '--package', deb, '--reports-dir', reportsDir, '--tags', '@service-discovery or @purge', '--keep']);
  const kept = [...run.stderr.matchAll(/^host kept: (\S+)$/gm)].map((m) => m[1]);
  const docker = new Docker();
  try {
    assert.equal(run.code, 1, `${run.stdout}\n${run.stderr}`);
    // The shared host (the failing scenario, then the stop/start one) and the purge scenario's own host.
    assert.equal(kept.length, 2, run.stderr);
    const diagnostics = [...run.stdout.matchAll(/diagnostics: (\S+)/g)].map((m) => readFileSync(m[1], 'utf8'));
    const reports = ['compliance.md', 'verdicts.json', 'junit.xml', 'cucumber.html', 'cucumber.ndjson'].map((f) => [`report ${f}`, readFileSync(join(reportsDir, 'wazo-foo', f), 'utf8')]);
    assert.ok(diagnostics.some((d) => d.includes('"ServicePort": 9505')), 'the consul catalog entry is attached, read with the token');
    for (const name of kept) {
      const { stdout } = await runInContainer(docker.getContainer(name), ['cat', CONSUL_TOKEN_FILE]);
      const token = stdout.trim();
      assert.match(token, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, `the token of ${name} was read`);
      for (const [where, text] of [['stdout', run.stdout], ['stderr', run.stderr], ...diagnostics.map((d, i) => [`diagnostics file ${i}`, d]), ...reports]) {
        assert.ok(!text.includes(token), `the consul token of ${name} appears in ${where}`);
      }
    }
  } finally {
    for (const name of kept) await docker.getContainer(name).remove({ force: true, v: true });
  }
  assert.deepEqual(await harnessLeftovers(), []);
});
