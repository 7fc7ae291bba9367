import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fakeShell } from '../../test/fake-shell';
import { indexTarget } from '../../test/apt-index-targets';
import { parseIndexTargets } from './apt-index-targets';
import { debianStableSources, parseCandidates, parseUnmet, simulateInstall, viewPlace, type DebianStableView } from './debian-archive';
import type { Evidence, Shell } from './evidence';
import { evidenceCache } from './evidence-cache';

test("the Debian stable view keeps the Debian archives of the host's release: its updates and security suites, no mirror, no other release", () => {
  const output = [
    indexTarget({ uri: 'http://deb.debian.org/debian/', release: 'trixie', origin: 'Debian', suite: 'stable', codename: 'trixie' }),
    indexTarget({ uri: 'http://deb.debian.org/debian/', release: 'trixie', component: 'contrib', origin: 'Debian', suite: 'stable', codename: 'trixie' }),
    indexTarget({ uri: 'http://deb.debian.org/debian/', release: 'trixie-updates', origin: 'Debian', suite: 'stable-updates', codename: 'trixie-updates' }),
    indexTarget({ uri: 'http://security.debian.org/debian-security/', release: 'trixie-security', origin: 'Debian', suite: 'stable-security', codename: 'trixie-security' }),
    indexTarget({ uri: 'http://deb.debian.org/debian/', release: 'bookworm', origin: 'Debian', suite: 'oldstable', codename: 'bookworm' }),
    indexTarget({ uri: 'https://mirror.wazo.community/debian/', release: 'pelican-trixie', origin: 'Wazo Platform', suite: 'pelican-trixie', codename: 'trixie' }),
  ].join('\n');
  const targets = parseIndexTargets(output);
  assert.equal(targets.length, 6);
  assert.deepEqual(targets[5], { repoUri: 'https://mirror.wazo.community/debian/', release: 'pelican-trixie', component: 'main', origin: 'Wazo Platform', suite: 'pelican-trixie', codename: 'trixie' });
  assert.deepEqual(debianStableSources({ hostCodename: 'trixie', targets }), [
    'deb http://deb.debian.org/debian/ trixie contrib',
    'deb http://deb.debian.org/debian/ trixie main',
    'deb http://deb.debian.org/debian/ trixie-updates main',
    'deb http://security.debian.org/debian-security/ trixie-security main',
  ]);
  assert.deepEqual(debianStableSources({ hostCodename: '', targets }), [], 'no release known, no archive of it');
});


test('candidates from apt-cache policy: a version, (none), and a package apt does not know', () => {
  const policy = 'python3-yaml:\n  Installed: (none)\n  Candidate: 6.0.2-1+b2\n  Version table:\nconsul:\n  Installed: (none)\n  Candidate: (none)\n  Version table:\n';
  assert.deepEqual(
    [...parseCandidates(policy, ['python3-yaml', 'consul', 'nosuch'])],
    [['python3-yaml', '6.0.2-1+b2'], ['consul', undefined], ['nosuch', undefined]],
  );
});

test("unmet dependencies: apt's block, alternatives kept on their own lines", () => {
  const output = [
    'The following information may help to resolve the situation:',
    '',
    'The following packages have unmet dependencies:',
    ' x : Depends: consul but it is not installable',
    '     Depends: nosuch (>= 1) but it is not installable or',
    '              python3-yaml (>= 99) but it is not going to be installed',
    'E: Unable to correct problems, you have held broken packages.',
  ].join('\n');
  assert.deepEqual(parseUnmet(output), [
    'x : Depends: consul but it is not installable',
    'Depends: nosuch (>= 1) but it is not installable or',
    'python3-yaml (>= 99) but it is not going to be installed',
  ]);
  assert.deepEqual(parseUnmet('Conf wazo-foo (1.1.0 local-deb [all])\n'), []);
});

test("a view of the host's own archives reads the host's source cache; other sources get a cache of their own; repositories their own lists", () => {
  const own = ['deb http://deb.debian.org/debian/ trixie main'];
  const withMirror = [...own, 'deb https://mirror.wazo.community/debian/ pelican-trixie main'].sort();
  const same = viewPlace(own, own, []);
  assert.equal(same.cache, 'host');
  assert.match(same.dir, /^\/var\/cache\/wazo-acceptance\/debian-stable\/shared-[0-9a-f]{12}$/);
  const narrower = viewPlace(own, withMirror, []);
  assert.deepEqual(narrower, { dir: same.dir, cache: 'own' }, 'the same sources, the same directory, but not the host cache (built from more lists)');
  const repositories = viewPlace(own, own, ['deb https://apt.example.org/ stable main']);
  assert.equal(repositories.cache, 'none');
  assert.notEqual(repositories.dir, same.dir);
});

const scratch = mkdtempSync(join(tmpdir(), 'debian-view-cache-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const deb = '/var/cache/wazo-acceptance/wazo-foo_1.1.0_all.deb';
const view: DebianStableView = { options: ['-o', 'Dir::Etc::SourceList=/v/sources.list'], sources: ['deb http://deb.debian.org/debian trixie main'], fromImageAlone: true };
const simulate = `apt-get -o Dir::Etc::SourceList=/v/sources.list --simulate -q install ${deb}`;
const unmet: Partial<Evidence> = { exitCode: 100, stdout: 'The following packages have unmet dependencies:\n wazo-foo : Depends: wazo-bus but it is not installable\n\nE: Unable to correct problems\n' };
const control = (depends: string): Partial<Evidence> => ({ stdout: `Package: wazo-foo\nVersion: 1.1.0\nDepends: ${depends}\n` });
/** A host answering the control fields and the simulation, counting the simulations it ran. */
const host = (fields: Partial<Evidence>, answer: Partial<Evidence>): Shell & { simulations: number } => {
  const shell = fakeShell({ [`dpkg-deb --field ${deb}`]: fields, [simulate]: answer });
  const counted = { simulations: 0, run: (...args: Parameters<Shell['run']>) => ((counted.simulations += args[0][0] === 'apt-get' ? 1 : 0), shell.run(...args)) };
  return counted;
};
const cacheIn = (dir: string) => (sha256: string) =>
  evidenceCache({ tool: 'debian-view', sha256, digestOf: "of the package's control fields", hostImage: 'wazo-harness/host:trixie-0123456789ab' }, dir, () => new Date('2026-12-06T12:00:00.000Z'));

test('the simulated install is kept by control fields: another package with the same control file reuses it, and says so', async () => {
  const dir = mkdtempSync(join(scratch, 'cache-'));
  const first = host(control('wazo-bus'), unmet);
  const cold = await simulateInstall(first, view, deb, cacheIn(dir));
  assert.equal(first.simulations, 1);
  assert.deepEqual(cold.value.unmet, ['wazo-foo : Depends: wazo-bus but it is not installable']);
  const second = host(control('wazo-bus'), { exitCode: 0 });
  const warm = await simulateInstall(second, view, deb, cacheIn(dir));
  assert.equal(second.simulations, 0, 'a hit runs no apt-get');
  assert.deepEqual(warm.value, cold.value);
  assert.match(warm.evidence[0].command, /^apt-get .* install \S+   # apt-get output cached from 2026-12-06T12:00:00.000Z for sha256 [0-9a-f]{12} of the package's control fields, host image wazo-harness\/host:trixie-0123456789ab \(rm -r build\/cache\/debian-view to run it again\)$/);
  const other = host(control('wazo-bus, python3'), { exitCode: 0 });
  assert.equal((await simulateInstall(other, view, deb, cacheIn(dir))).value.installable, true, 'other control fields: apt answers anew');
  assert.equal(other.simulations, 1);
});

test('the simulated install is not kept when the view fetches repositories, when the control fields cannot be read, or when apt fails', async () => {
  const dir = mkdtempSync(join(scratch, 'cache-'));
  const online = host(control('wazo-bus'), unmet);
  await simulateInstall(online, { ...view, fromImageAlone: false }, deb, cacheIn(dir));
  await simulateInstall(online, { ...view, fromImageAlone: false }, deb, cacheIn(dir));
  assert.equal(online.simulations, 2, 'a view with repositories depends on what they serve today');
  const unreadable = host({ exitCode: 2, stderr: 'dpkg-deb: error: not a Debian format archive' }, unmet);
  await simulateInstall(unreadable, view, deb, cacheIn(dir));
  await simulateInstall(unreadable, view, deb, cacheIn(dir));
  assert.equal(unreadable.simulations, 2);
  const locked = host(control('wazo-bus'), { exitCode: 100, stderr: 'E: Could not get lock /var/lib/dpkg/lock-frontend' });
  await simulateInstall(locked, view, deb, cacheIn(dir));
  await simulateInstall(locked, view, deb, cacheIn(dir));
  assert.equal(locked.simulations, 2, 'an answer without unmet dependencies and not 0 is not apt judging the package');
});

