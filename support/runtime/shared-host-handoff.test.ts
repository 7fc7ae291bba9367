import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { EnvironmentLimit } from '../checks/check';
import { handoffOfError, installationOf, SharedHostHandoff } from './shared-host-handoff';

const evidence = { command: 'apt-get install x', user: 'root', stdout: '', stderr: '', exitCode: 0 };

function withDir(body: (dir: string) => Promise<void>): () => Promise<void> {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'handoff-spec-'));
    try {
      await body(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

test(
  'of several processes claiming at once, exactly one gets the shared host',
  withDir(async (dir) => {
    const script = `const { SharedHostHandoff } = require(${JSON.stringify(join(__dirname, 'shared-host-handoff'))}); process.stdout.write(String(new SharedHostHandoff(process.argv[1]).claim()));`;
    const claim = () => promisify(execFile)(process.execPath, ['--require', 'ts-node/register/transpile-only', '-e', script, dir]);
    const claims = (await Promise.all(Array.from({ length: 4 }, claim))).map(({ stdout }) => stdout === 'true');
    assert.equal(claims.filter(Boolean).length, 1);
  }),
);

test(
  'the others read the installation the claiming worker published',
  withDir(async (dir) => {
    const handoff = new SharedHostHandoff(dir);
    const waiting = new SharedHostHandoff(dir).published(5_000);
    handoff.publish({ installation: { control: evidence, apt: { ...evidence, exitCode: 100 } } });
    assert.equal(installationOf(await waiting).apt.exitCode, 100);
  }),
);

test('a host that did not boot stays ENVIRONMENT for every worker; another error keeps its words', () => {
  const limit = new EnvironmentLimit({ expected: 'a host to boot', found: 'it did not', evidence: [] });
  assert.throws(() => installationOf(handoffOfError(limit)), (e: unknown) => e instanceof EnvironmentLimit && e.outcome.found === 'it did not');
  assert.throws(() => installationOf(handoffOfError(new Error('no space left'))), /could not be prepared by another worker: no space left/);
});

test(
  'no word within the bound is the environment, not the package',
  withDir(async (dir) => {
    await assert.rejects(new SharedHostHandoff(dir).published(300), (e: unknown) => e instanceof EnvironmentLimit && /no word from it/.test(e.outcome.found));
  }),
);

test(
  'a taint is seen by every worker, and its first cause is kept; so is the last scenario that changed the host',
  withDir(async (dir) => {
    const worker = new SharedHostHandoff(dir);
    assert.equal(new SharedHostHandoff(dir).tainted(), undefined);
    worker.taint('"The service is added to wazo-service if necessary" failed on it');
    new SharedHostHandoff(dir).taint('monit could not be started again');
    assert.equal(new SharedHostHandoff(dir).tainted(), '"The service is added to wazo-service if necessary" failed on it');
    assert.equal(worker.lastChange(), undefined);
    worker.changedBy('The service leaves consul when it stops');
    assert.equal(new SharedHostHandoff(dir).lastChange(), 'The service leaves consul when it stops');
  }),
);
