// The harness's cgroup v2 code paths (a private cgroup namespace that the host image's
// entrypoint remounts read-write) checked on these cgroup v1 machines: the project's own
// script starts a second engine that sees cgroup v2, the good example's whole checklist runs
// on it, and stopping it leaves nothing on the machine. Where the machine is cgroup v2
// already, every other self-test runs on it and this file is skipped.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Docker from 'dockerode';
import { presentHarnessImages } from '../support/images/harness-images';
import {
  CGROUP_V2_ENGINE,
  copyImagesToCgroupV2Engine,
  machineLeftovers,
  scriptLeftovers,
  startCgroupV2Engine,
  stopCgroupV2Engine,
  whyNoCgroupV2Engine,
} from './cgroup-v2-engine';
import { harnessLeftovers, runAcceptance } from './harness';
import { readExpectedTable, readRunVerdicts, tableDifferences } from './verdict-tables';
import { PATHS } from '../support/paths';

const skip = whyNoCgroupV2Engine();
const reportsDir = join(PATHS.reports, 'self-test', 'cgroup-v2');
/** The machine's own engine, where the images usually are already. */
const machineEngine = new Docker();

describe('on a cgroup v2 engine started by scripts/cgroup-v2-engine.sh', { skip, concurrency: 1 }, () => {
  let dockerHost = '';
  // Ctrl-C or SIGTERM of the self-tests: the engine runs in a session of its own (the signal
  // does not reach it), so it is stopped here, or it would stay on a shared machine.
  const stopOnSignal = (signal: NodeJS.Signals) => {
    try {
      stopCgroupV2Engine();
    } finally {
      process.exit(signal === 'SIGINT' ? 130 : 143);
    }
  };
  before(() => {
    process.once('SIGINT', stopOnSignal);
    process.once('SIGTERM', stopOnSignal);
  });
  // A failing test must not leave a second engine running either.
  after(() => {
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
    stopCgroupV2Engine();
  });

  test('the script starts an engine that reports cgroup v2, once however often it is asked', async () => {
    dockerHost = startCgroupV2Engine();
    assert.equal(dockerHost, `unix://${CGROUP_V2_ENGINE.socket}`);
    assert.equal(startCgroupV2Engine(), dockerHost, 'a second start finds the running engine');
    const info = execFileSync('docker', ['info', '--format', '{{.CgroupVersion}} {{.DockerRootDir}}'], { env: { ...process.env, DOCKER_HOST: dockerHost }, encoding: 'utf8' });
    assert.equal(info.trim(), `2 ${CGROUP_V2_ENGINE.state}/data`);
    assert.ok(scriptLeftovers().includes(`bridge: ${CGROUP_V2_ENGINE.bridge}`), 'it has a bridge of its own');
    // The images the machine's engine has are handed over, not rebuilt; what it lacks, the run builds.
    const images = await presentHarnessImages(machineEngine, 'trixie', PATHS.recipes);
    copyImagesToCgroupV2Engine(images);
  });

  test("the good example wazo-foo passes its whole checklist there, with the harness's cgroup v2 options", async () => {
    rmSync(reportsDir, { recursive: true, force: true });
    const run = await runAcceptance(['--service', 'wazo-foo', '--reports-dir', reportsDir], { DOCKER_HOST: dockerHost });
    const output = `${run.stdout}\n${run.stderr}`;
    assert.match(run.stderr, /^\[ *[\d.]+s\] checking wazo-foo .* cgroup v2$/m, output);
    assert.deepEqual(tableDifferences(readExpectedTable(join(PATHS.examples, 'wazo-foo', 'expected.yml')), readRunVerdicts(reportsDir, 'wazo-foo', output)), [], run.stdout);
    assert.equal(run.code, 0, output);
    assert.match(run.stdout, /^wazo-foo: checklist 19 pass, 0 fail, 0 not applicable, 0 blocked, 0 environment, 2 manual, 0 not run; /m);
    // CI merges the legs' junit files: every testcase says which service it is of.
    const classnames = [...readFileSync(join(reportsDir, 'wazo-foo', 'junit.xml'), 'utf8').matchAll(/<testcase classname="([^"]*)"/g)].map((m) => m[1]);
    assert.ok(classnames.length > 0 && classnames.every((name) => name.startsWith('wazo-foo.')), classnames.join('\n'));
    const machineDockerHost = process.env.DOCKER_HOST;
    process.env.DOCKER_HOST = dockerHost; // harnessLeftovers asks the engine of DOCKER_HOST
    try {
      assert.deepEqual(await harnessLeftovers(), []);
    } finally {
      if (machineDockerHost === undefined) delete process.env.DOCKER_HOST;
      else process.env.DOCKER_HOST = machineDockerHost;
    }
  });

  test('stopping it leaves nothing: engine, bridge, rules, mounts, data; the machine engine keeps its docker0', () => {
    stopCgroupV2Engine();
    assert.deepEqual(scriptLeftovers(), []);
    assert.deepEqual(machineLeftovers(), []);
    execFileSync('ip', ['link', 'show', 'docker0'], { stdio: 'ignore' });
    stopCgroupV2Engine(); // idempotent: nothing to stop is not an error
  });
});
