import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { ServiceManifest } from '../configuration/manifest';
import { loadManifest } from '../configuration/manifest-loader';
import { notApplicableReason } from './applicability';
import { PATHS } from '../paths';

const manifest = loadManifest(join(PATHS.services, 'wazo-foo.yml'));
const scenario = (name: string, ...tags: string[]) => ({ name, tags });

test('wazo-foo: every scenario applies', () => {
  for (const s of [scenario('x', '@service-discovery'), scenario('x', '@wazo-service'), scenario('x', '@backup'), scenario('x', '@upgrade')]) {
    assert.equal(notApplicableReason(s, manifest), undefined);
  }
});

test('each applicability field makes its scenarios N/A, naming the field', () => {
  const cases: Array<[Partial<typeof manifest>, ReturnType<typeof scenario>, RegExp]> = [
    [{ consul: { registers: false, readsDefaultConfig: false } }, scenario('x', '@service-discovery'), /^consul\.registers is false/],
    [{ wazoService: false }, scenario('x', '@wazo-service'), /^wazoService is false/],
    [{ backup: [] }, scenario('x', '@backup'), /^backup is empty/],
    [{ package: { ...manifest.package, previous: undefined } }, scenario('x', '@upgrade', '@slave'), /^package\.previous is not set/],
    [{ pidFile: undefined }, scenario('The service default user has write permissions for the PID file and its directory', '@user'), /^pidFile is not set/],
    [
      { consul: { registers: true, readsDefaultConfig: false } },
      scenario('The service default user is part of the consul group if the service needs the default consul config file', '@user'),
      /^consul\.readsDefaultConfig is false/,
    ],
    [{ api: undefined }, scenario('x', '@http'), /^api is none: the service offers no REST API$/],
    [{ api: undefined }, scenario('x', '@http', '@openapi'), /^api is none/],
    [{ ports: [] }, scenario('The ports used are listed in the doc', '@ports'), /^ports is empty: the service declares no port$/],
    [
      { ports: [] },
      scenario("Ports are not usually used for testing HTTP (8000, 8080, etc.), nor another daemon's, and a new daemon's port is above 9503", '@ports'),
      /^ports is empty/,
    ],
    [{ requirements: undefined }, scenario('requirements.txt pins package versions equal to Debian packages', '@dependencies'), /^requirements is not set/],
  ];
  for (const [change, s, reason] of cases) assert.match(notApplicableReason(s, { ...manifest, ...change }) ?? '', reason, JSON.stringify(change));
});

test('pidFile left to the unit: N/A only once the package is read and its unit sets no PIDFile=', () => {
  const pid = scenario('The service default user has write permissions for the PID file and its directory', '@user');
  const leftToUnit = (pidFileFromUnit: ServiceManifest['pidFileFromUnit'], pidFile?: string) => ({ ...manifest, pidFile, pidFileFromUnit });
  assert.equal(notApplicableReason(pid, leftToUnit({ read: false })), undefined);
  assert.equal(notApplicableReason(pid, leftToUnit({ read: true, unitPath: '/usr/lib/systemd/system/wazo-foo.service' }, '/run/wazo-foo/wazo-foo.pid')), undefined);
  assert.match(
    notApplicableReason(pid, leftToUnit({ read: true, unitPath: '/usr/lib/systemd/system/wazo-foo.service' })) ?? '',
    /^pidFile is not set and \/usr\/lib\/systemd\/system\/wazo-foo\.service in the package sets no PIDFile=/,
  );
  assert.match(notApplicableReason(pid, leftToUnit({ read: true, unitPath: undefined })) ?? '', /^pidFile is not set and the package ships no wazo-foo\.service/);
});

test('a field only touches its own scenarios', () => {
  // Without a port, that it listens on none is still checked; without an API, its other ports are still judged.
  assert.equal(notApplicableReason(scenario('The service listens on exactly its declared ports and addresses', '@ports'), { ...manifest, api: undefined, ports: [] }), undefined);
  assert.equal(notApplicableReason(scenario('The ports used are listed in the doc', '@ports'), { ...manifest, api: undefined }), undefined);
  assert.equal(notApplicableReason(scenario('The service default user is not root', '@user'), { ...manifest, backup: [], wazoService: false }), undefined);
});
