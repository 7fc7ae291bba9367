import assert from 'node:assert/strict';
import { test } from 'node:test';
import { indexTarget } from '../../test/apt-index-targets';
import { parseIndexTargets } from './apt-index-targets';
import { debianStableSources, parseCandidates, parseUnmet, viewPlace } from './debian-archive';

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
