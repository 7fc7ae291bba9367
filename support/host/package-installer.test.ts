import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changesOnly } from './package-installer';

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
