import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSs } from './sockets';

test('parseSs reads IPv4, IPv6 and wildcard listeners with their process', () => {
  const output = [
    'LISTEN 0 5 127.0.0.1:9504 0.0.0.0:* users:(("wazo-foo",pid=88,fd=3))',
    'LISTEN 0 511 [::]:443 [::]:* users:(("nginx",pid=51,fd=7))',
    'LISTEN 0 4096 *:8500 *:* users:(("consul",pid=40,fd=9))',
  ].join('\n');
  assert.deepEqual(
    parseSs(output, 'tcp').map(({ address, port }) => `${address}:${port}`),
    ['127.0.0.1:9504', ':::443', '*:8500'],
  );
  assert.match(parseSs(output, 'tcp')[0].process, /wazo-foo/);
});
