import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fakeShell } from '../../test/fake-shell';
import type { Evidence } from '../probes/evidence';
import { MONIT_STARTED_AGAIN } from '../host/supervisor';
import { giveBack, unitsLeftDown } from './shared-host-fitness';
import { SharedHostHandoff } from './shared-host-handoff';

function withHandoff(body: (handoff: SharedHostHandoff) => Promise<void>): () => Promise<void> {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fitness-spec-'));
    try {
      await body(new SharedHostHandoff(dir));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

const SHOW = 'systemctl show --property=ActiveState,SubState,UnitFileState,MainPID,NRestarts';
const units = (nginx: string): Record<string, Partial<Evidence>> => ({
  [`${SHOW} consul.service`]: { stdout: 'ActiveState=active\nSubState=running\n' },
  [`${SHOW} nginx.service`]: { stdout: `ActiveState=${nginx}\nSubState=dead\n` },
  [`${SHOW} monit.service`]: { stdout: 'ActiveState=active\nSubState=running\n' },
});
const MONIT_START = MONIT_STARTED_AGAIN.command.join(' ');
const ending = { scenario: 'The service is monitored', afterReaders: true, passed: true, undo: [MONIT_STARTED_AGAIN] };

test(
  'a platform unit down after a scenario that passed makes the host unfit; before any change, it is the install check\'s finding',
  withHandoff(async (handoff) => {
    const host = fakeShell({ ...units('inactive'), [MONIT_START]: {} });
    assert.equal(await unitsLeftDown(handoff, host), undefined);
    await giveBack(handoff, host, ending);
    assert.equal(handoff.tainted(), undefined);
    assert.equal(await unitsLeftDown(handoff, host), 'has nginx.service inactive after "The service is monitored"');
    assert.equal(await unitsLeftDown(handoff, fakeShell(units('active'))), undefined);
  }),
);

test(
  'a change that cannot be given back taints the host, even after a reader or a scenario that passed',
  withHandoff(async (handoff) => {
    await giveBack(handoff, fakeShell({ [MONIT_START]: { exitCode: 1 } }), { ...ending, afterReaders: false });
    assert.equal(handoff.tainted(), 'did not get monit back after "The service is monitored" (systemctl start monit.service: exit 1)');
    assert.equal(handoff.lastChange(), undefined);
  }),
);

test(
  'a scenario after the readers that did not pass taints the host; a reader that did not pass leaves it to the others',
  withHandoff(async (handoff) => {
    const host = fakeShell({ [MONIT_START]: {} });
    await giveBack(handoff, host, { ...ending, afterReaders: false, passed: false });
    assert.equal(handoff.tainted(), undefined);
    await giveBack(handoff, host, { ...ending, passed: false });
    assert.equal(handoff.tainted(), 'was left by "The service is monitored", which did not pass there');
    assert.equal(handoff.lastChange(), 'The service is monitored');
  }),
);
