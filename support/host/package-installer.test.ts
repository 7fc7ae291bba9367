import assert from 'node:assert/strict';
import { test } from 'node:test';
import { installsOnly } from './package-installer';

// apt-get --simulate plans as apt 3.0 prints them (trixie), the Conf lines included.
const FRESH = 'Reading package lists...\nThe following NEW packages will be installed:\n  wazo-foo\nInst wazo-foo (1.1.0 local-deb [all])\nConf wazo-foo (1.1.0 local-deb [all])\n';
const UPGRADE = 'Inst wazo-foo [1.0.0] (1.1.0 local-deb [all])\nConf wazo-foo (1.1.0 local-deb [all])\n';

test('a plan that installs the file alone lets the installed packages stand for the archives', () => {
  assert.equal(installsOnly(FRESH, 'wazo-foo'), true);
  assert.equal(installsOnly(UPGRADE, 'wazo-foo'), true);
});

test('a plan that pulls a dependency, removes or purges a package, or names another package does not', () => {
  assert.equal(installsOnly(`Inst python3-yaml (6.0.2-1+b2 Debian:13.8/stable [amd64])\n${FRESH}`, 'wazo-foo'), false);
  assert.equal(installsOnly(`Remv wazo-old [2.0]\n${FRESH}`, 'wazo-foo'), false);
  assert.equal(installsOnly(`Purg wazo-old [2.0]\n${FRESH}`, 'wazo-foo'), false);
  assert.equal(installsOnly(FRESH, 'wazo-bar'), false);
  assert.equal(installsOnly('', 'wazo-foo'), false);
});
