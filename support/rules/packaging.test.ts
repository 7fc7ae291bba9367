// The "latest Debian stable" rule judges the host, not the package: no broken .deb can
// violate it, so these specs feed it the hosts that must fail (an oldstable, a testing host).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { indexTarget, INDEX_TARGETS_COMMAND } from '../../test/apt-index-targets';
import { fakeShell } from '../../test/fake-shell';
import { debianRelease } from '../probes/debian-archive';
import { runsLatestStable } from './packaging';

const trixieStable = indexTarget({ uri: 'http://deb.debian.org/debian/', release: 'trixie', origin: 'Debian', suite: 'stable', codename: 'trixie' });

async function releaseOf(hostCodename: string, ...targets: string[]) {
  return (await debianRelease(fakeShell({ [INDEX_TARGETS_COMMAND]: { stdout: [`${hostCodename}`, ...targets].join('\n') } }))).value;
}

test('a trixie host whose apt lists call trixie stable runs the latest stable', async () => {
  assert.equal(runsLatestStable(await releaseOf('trixie', trixieStable)), true);
});

test('a bookworm host fails once Debian calls trixie stable', async () => {
  const bookworm = indexTarget({ uri: 'http://deb.debian.org/debian/', release: 'bookworm', origin: 'Debian', suite: 'oldstable', codename: 'bookworm' });
  const release = await releaseOf('bookworm', bookworm, trixieStable);
  assert.deepEqual(release, { codename: 'bookworm', stable: 'trixie' });
  assert.equal(runsLatestStable(release), false);
});

test('a host whose apt lists name no stable release (testing, or suites by codename only) fails', async () => {
  assert.equal(runsLatestStable(await releaseOf('forky', indexTarget({ uri: 'http://deb.debian.org/debian/', release: 'forky', origin: 'Debian', suite: 'testing', codename: 'forky' }))), false);
  assert.equal(runsLatestStable(await releaseOf('trixie', indexTarget({ uri: 'http://mirror/wazo/', release: 'trixie', origin: 'Wazo', suite: 'stable', codename: 'trixie' }))), false, 'only Debian says which release is stable');
});
