import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeShell } from '../../test/fake-shell';
import { sameDebianVersion } from './packages';

test("Debian versions are compared by dpkg in the host: its exit status is the answer, its words the evidence", async () => {
  const shell = fakeShell({
    'dpkg --compare-versions 0:1.1.0 eq 1.1.0': { exitCode: 0 },
    'dpkg --compare-versions 1.1.0~rc1 eq 1.1.0': { exitCode: 1 },
    'dpkg --compare-versions v1 eq 1.1.0': { exitCode: 2, stderr: "dpkg: error: version 'v1' has bad syntax: version number does not start with digit\n" },
  });
  assert.equal((await sameDebianVersion(shell, '0:1.1.0', '1.1.0')).value, true);
  assert.equal((await sameDebianVersion(shell, '1.1.0~rc1', '1.1.0')).value, false);
  const invalid = await sameDebianVersion(shell, 'v1', '1.1.0');
  assert.equal(invalid.value, false);
  assert.match(invalid.evidence[0].stderr, /bad syntax/);
});
