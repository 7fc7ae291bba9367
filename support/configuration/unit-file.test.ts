import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expandPathSpecifiers, unitSetting, type UnitFileText } from './unit-file';

const unit = (text: string, path = '/usr/lib/systemd/system/wazo-x.service'): UnitFileText => ({ path, text });

test('the setting of its section, not of another', () => {
  const files = [unit('[Unit]\nPIDFile=/run/not-this.pid\n[Service]\nType=forking\nPIDFile=/run/wazo-x/wazo-x.pid\n')];
  assert.equal(unitSetting(files, 'Service', 'PIDFile'), '/run/wazo-x/wazo-x.pid');
  assert.equal(unitSetting(files, 'Service', 'User'), undefined);
});

test('comments are skipped, continuations joined, spaces around = ignored', () => {
  const files = [unit('[Service]\n# PIDFile=/run/commented.pid\n; PIDFile=/run/also.pid\nExecStart=/usr/bin/x \\\n  --flag\nPIDFile = /run/x.pid\n')];
  assert.equal(unitSetting(files, 'Service', 'PIDFile'), '/run/x.pid');
  assert.equal(unitSetting(files, 'Service', 'ExecStart'), '/usr/bin/x  --flag');
});

test('drop-ins apply after the unit, in file-name order, whatever order they are given in', () => {
  const files = [
    unit('[Service]\nPIDFile=/run/b.pid\n', '/usr/lib/systemd/system/wazo-x.service.d/20-b.conf'),
    unit('[Service]\nPIDFile=/run/a.pid\n', '/usr/lib/systemd/system/wazo-x.service.d/10-a.conf'),
    unit('[Service]\nPIDFile=/run/unit.pid\n'),
  ];
  assert.equal(unitSetting(files, 'Service', 'PIDFile'), '/run/b.pid');
});

test('an empty assignment resets what came before', () => {
  const files = [unit('[Service]\nPIDFile=/run/x.pid\n'), unit('[Service]\nPIDFile=\n', '/usr/lib/systemd/system/wazo-x.service.d/override.conf')];
  assert.equal(unitSetting(files, 'Service', 'PIDFile'), undefined);
});

test('%t is /run and %% a percent sign; any other specifier is left for the user to resolve', () => {
  assert.deepEqual(expandPathSpecifiers('%t/wazo-x/wazo-x.pid'), { path: '/run/wazo-x/wazo-x.pid' });
  assert.deepEqual(expandPathSpecifiers('/run/100%%.pid'), { path: '/run/100%.pid' });
  assert.deepEqual(expandPathSpecifiers('/run/wazo-x/%i.pid'), { unresolved: '%i' });
});
