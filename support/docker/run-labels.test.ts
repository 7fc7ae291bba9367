import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newRunIdentity, runDirPrefix, runOfDir } from './run-labels';

test("a run directory's name gives back its run's process and id; other names give nothing", () => {
  const run = newRunIdentity();
  assert.deepEqual(runOfDir(`${runDirPrefix(run)}Xy12z9`), { pid: run.pid, id: run.id });
  assert.equal(runOfDir('wazo-harness-debootstrap-abc'), undefined);
  assert.equal(runOfDir('wazo-acceptance-run-notapid-abcd-'), undefined);
});
