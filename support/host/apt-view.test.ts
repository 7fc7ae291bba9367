import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changesOnly, INSTALLED_ONLY_CONFIG, INSTALLED_ONLY_OPTIONS, installedSuffice, simulation } from './apt-view';

// apt-get --simulate plans as apt 3.0 prints them (trixie), the Conf lines included.
const FRESH = 'Reading package lists...\nThe following NEW packages will be installed:\n  wazo-foo\nInst wazo-foo (1.1.0 local-deb [all])\nConf wazo-foo (1.1.0 local-deb [all])\n';
const UPGRADE = 'Inst wazo-foo [1.0.0] (1.1.0 local-deb [all])\nConf wazo-foo (1.1.0 local-deb [all])\n';

test('a plan that installs, upgrades or purges the package alone lets the installed packages stand for the archives', () => {
  assert.equal(changesOnly(FRESH, 'wazo-foo'), true);
  assert.equal(changesOnly(UPGRADE, 'wazo-foo'), true);
  assert.equal(changesOnly('Purg wazo-foo [1.1.0]\n', 'wazo-foo'), true);
});

test('a plan that pulls a dependency, removes or purges another package too, or names another package does not', () => {
  assert.equal(changesOnly(`Inst python3-yaml (6.0.2-1+b2 Debian:13.8/stable [amd64])\n${FRESH}`, 'wazo-foo'), false);
  assert.equal(changesOnly(`Remv wazo-old [2.0]\n${FRESH}`, 'wazo-foo'), false);
  assert.equal(changesOnly(`Purg wazo-old [2.0]\n${FRESH}`, 'wazo-foo'), false);
  assert.equal(changesOnly(FRESH, 'wazo-bar'), false);
  assert.equal(changesOnly('', 'wazo-foo'), false);
});

test('the configuration file for APT_CONFIG holds the same view as the -o options', () => {
  const fromFile = INSTALLED_ONLY_CONFIG.trim().split('\n').flatMap((line) => {
    const [, name, value] = /^(\S+) "(.*)";$/.exec(line)!;
    return ['-o', `${name}=${value}`];
  });
  assert.deepEqual(fromFile, INSTALLED_ONLY_OPTIONS);
  assert.deepEqual(simulation(['purge', 'wazo-foo']), ['apt-get', ...INSTALLED_ONLY_OPTIONS, '--simulate', '-q', 'purge', 'wazo-foo']);
});

test('a failed simulation never lets the installed packages stand for the archives', () => {
  const plan = (exitCode: number) => ({ command: 'apt-get ...', user: 'root', stdout: FRESH, stderr: '', exitCode });
  assert.equal(installedSuffice(plan(0), 'wazo-foo'), true);
  assert.equal(installedSuffice(plan(100), 'wazo-foo'), false);
});
