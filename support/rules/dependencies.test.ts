import assert from 'node:assert/strict';
import { test } from 'node:test';
import { debianPackageFor, mismatchTable, pinMismatches, upstreamVersion } from './dependencies';
import { parseRequirements } from '../configuration/requirements-txt';

test('Debian names: the manifest mapping first (any spelling), else python3-<name>', () => {
  assert.equal(debianPackageFor('PyYAML', { PyYAML: 'python3-yaml' }), 'python3-yaml');
  assert.equal(debianPackageFor('pyyaml', { PyYAML: 'python3-yaml' }), 'python3-yaml');
  assert.equal(debianPackageFor('Flask_Cors', {}), 'python3-flask-cors');
  assert.equal(debianPackageFor('python-dateutil', {}), 'python3-dateutil');
});

test('the upstream version drops epoch, revision, binNMU and repack suffixes', () => {
  assert.equal(upstreamVersion('6.0.2-1+b2'), '6.0.2');
  assert.equal(upstreamVersion('1:2.28.1+dfsg-1'), '2.28.1');
  assert.equal(upstreamVersion('3.0'), '3.0');
});

test('mismatches: another version, no pin, no Debian package; shown as a table', () => {
  const requirements = parseRequirements('PyYAML==6.0.1\nflask>=2\nwazo-auth-client==1.0\nrequests==2.32.3\n');
  const candidates = new Map([
    ['python3-yaml', '6.0.2-1+b2'],
    ['python3-flask', '3.1.1-1'],
    ['python3-wazo-auth-client', undefined],
    ['python3-requests', '2.32.3+dfsg-5'],
  ]);
  const rows = pinMismatches(requirements, { PyYAML: 'python3-yaml' }, candidates);
  assert.deepEqual(rows, [
    { package: 'PyYAML', pinned: '6.0.1', debian: '6.0.2 (python3-yaml 6.0.2-1+b2)' },
    { package: 'flask', pinned: 'not pinned ("flask>=2")', debian: '3.1.1 (python3-flask 3.1.1-1)' },
    { package: 'wazo-auth-client', pinned: '1.0', debian: 'nothing (no python3-wazo-auth-client in Debian stable)' },
  ]);
  assert.equal(mismatchTable(rows.slice(0, 1)), 'package  pinned  Debian has\nPyYAML   6.0.1   6.0.2 (python3-yaml 6.0.2-1+b2)');
});
