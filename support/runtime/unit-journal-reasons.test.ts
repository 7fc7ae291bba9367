import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeShell } from '../../test/fake-shell';
import { journalReasons } from './unit-journal-reasons';

const journal = (unit: string) => `journalctl --no-pager --output=short-precise --lines=50 --unit ${unit}`;

test("a unit's decisive journal lines follow the finding; with several units, each is named", async () => {
  const shell = fakeShell({
    [journal('consul.service')]: { stdout: 'Dec 07 host consul[7]: ==> failed to parse /etc/consul.d/x.json: invalid character\nDec 07 host systemd[1]: Failed to start consul.service - Consul agent.\n' },
    [journal('nginx.service')]: { stdout: 'Dec 07 host systemd[1]: Stopped nginx.service.\n' },
  });
  const one = await journalReasons(shell, ['consul.service']);
  assert.equal(one.said, '\n          the journal says: Dec 07 host consul[7]: ==> failed to parse /etc/consul.d/x.json: invalid character\n                            Dec 07 host systemd[1]: Failed to start consul.service - Consul agent.');
  const two = await journalReasons(shell, ['consul.service', 'nginx.service']);
  assert.match(two.said, /^\n {10}the journal of consul\.service says: .*failed to parse.*\n {46}Dec 07 host systemd\[1\]: Failed to start/);
  assert.doesNotMatch(two.said, /nginx/, 'a journal that says nothing decisive adds no line');
  assert.equal(two.evidence.length, 2);
  assert.deepEqual(await journalReasons(shell, []), { said: '', evidence: [] });
});
