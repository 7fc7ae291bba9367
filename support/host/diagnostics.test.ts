import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeShell } from '../../test/fake-shell';
import type { ServiceManifest } from '../configuration/manifest';
import { collectDiagnostics } from './diagnostics';

const manifest = { name: 'wazo-foo', unit: 'wazo-foo.service', logFile: '/var/log/wazo-foo.log' } as ServiceManifest;

test('every failure gets the unit status, journal and log; an area adds its own sources by tag', async () => {
  const titles = async (tags: string[]) => (await collectDiagnostics(fakeShell({}), manifest, tags)).map((d) => d.title);
  const service = ['systemctl status wazo-foo.service', 'journal of wazo-foo.service', 'log file /var/log/wazo-foo.log'];
  assert.deepEqual(await titles(['@user']), service);
  assert.deepEqual(await titles(['@service-discovery', '@per-service']), [...service, 'consul catalog entry of wazo-foo']);
  assert.deepEqual(await titles(['@http', '@openapi']), [...service, 'nginx error log']);
});

test('logFile: journal: the journal is the log, no file is tailed', async () => {
  const titles = (await collectDiagnostics(fakeShell({}), { ...manifest, logFile: 'journal' }, ['@user'])).map((d) => d.title);
  assert.deepEqual(titles, ['systemctl status wazo-foo.service', 'journal of wazo-foo.service']);
});

test('the consul entry is read with the token file inside the host: the command never holds the token', async () => {
  const [consul] = (await collectDiagnostics(fakeShell({}), manifest, ['@service-discovery'])).slice(-1);
  assert.match(consul.text, /X-Consul-Token: \$\(cat \/var\/lib\/consul\/master_token\)/);
  assert.match(consul.text, /\/v1\/catalog\/service\/wazo-foo/);
});
