import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLintian } from './lintian';

test('lintian tags: level, tag and context, whatever else lintian prints', () => {
  const output = [
    'E: wazo-foo: aliased-location [lib/systemd/]',
    'W: wazo-foo: no-manual-page [usr/bin/wazo-foo]',
    'E: wazo-foo source: some-source-tag',
    'running with root privileges is not recommended!',
  ].join('\n');
  assert.deepEqual(parseLintian(output), [
    { level: 'E', tag: 'aliased-location', context: '[lib/systemd/]' },
    { level: 'W', tag: 'no-manual-page', context: '[usr/bin/wazo-foo]' },
    { level: 'E', tag: 'some-source-tag', context: '' },
  ]);
});
