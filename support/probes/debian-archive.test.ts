import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCandidates, parseUnmet } from './debian-archive';

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
