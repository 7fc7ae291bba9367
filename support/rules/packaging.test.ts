// The "latest Debian stable" rule judges the host, not the package: no broken .deb can
// violate it, so these specs feed it the hosts that must fail (an oldstable, a testing host).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { indexTarget, INDEX_TARGETS_COMMAND } from '../../test/apt-index-targets';
import { fakeShell } from '../../test/fake-shell';
import { debianRelease } from '../probes/debian-archive';
import { installProblems, lintianFindings, runsLatestStable } from './packaging';

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

test('a clean install has no problem; each fault of apt, dpkg or the package is one phrase', () => {
  const healthy = { consistent: true, held: [], audit: '' };
  assert.deepEqual(installProblems('wazo-foo', 0, 'install ok installed', healthy), []);
  assert.deepEqual(installProblems('wazo-foo', 100, undefined, { consistent: false, held: ['wazo-foo'], audit: 'The following packages are only half configured\nwazo-foo' }), [
    'apt-get install exited 100',
    'wazo-foo is not installed',
    'apt-get check reports broken dependencies',
    'held: wazo-foo',
    'dpkg --audit: The following packages are only half configured',
  ]);
  assert.deepEqual(installProblems('wazo-foo', 0, 'install ok half-configured', healthy), ['wazo-foo is install ok half-configured']);
});

test("lintian's errors are judged, its warnings reported, the other levels ignored", () => {
  const tag = (level: string) => ({ level, tag: `t-${level}`, context: '' });
  const { errors, warnings } = lintianFindings(['E', 'W', 'I', 'P', 'O'].map(tag));
  assert.deepEqual([errors.map((t) => t.tag), warnings.map((t) => t.tag)], [['t-E'], ['t-W']]);
});
