import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isInstalled } from './install';

test('installed and configured, whether selected for install or held; nothing half-done', () => {
  for (const status of ['install ok installed', 'hold ok installed']) assert.equal(isInstalled(status), true, status);
  for (const status of [undefined, 'install ok half-configured', 'install ok unpacked', 'deinstall ok config-files', 'install reinstreq half-installed']) {
    assert.equal(isInstalled(status), false, String(status));
  }
});
