// The "latest Debian stable" rule judges the host, not the package: no broken .deb can
// violate it, so these specs feed it the hosts that must fail (an oldstable, a testing host).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeShell } from '../../test/fake-shell';
import { debianRelease } from '../probes/debian-archive';
import { runsLatestStable } from './release-rules';

const SCRIPT = 'sh -c . /etc/os-release && echo "$VERSION_CODENAME" && apt-cache policy | grep -o "o=Debian,a=stable,n=[a-z]*" | sort -u';

async function releaseOf(stdout: string) {
  return (await debianRelease(fakeShell({ [SCRIPT]: { stdout } }))).value;
}

test('a trixie host whose apt lists call trixie stable runs the latest stable', async () => {
  assert.equal(runsLatestStable(await releaseOf('trixie\no=Debian,a=stable,n=trixie\n')), true);
});

test('a bookworm host fails once Debian calls trixie stable', async () => {
  const release = await releaseOf('bookworm\no=Debian,a=stable,n=trixie\n');
  assert.deepEqual(release, { codename: 'bookworm', stable: 'trixie' });
  assert.equal(runsLatestStable(release), false);
});

test('a host whose apt lists name no stable release (testing, or suites by codename only) fails', async () => {
  assert.equal(runsLatestStable(await releaseOf('forky\n')), false);
});
