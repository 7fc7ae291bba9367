import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadManifest } from '../configuration/manifest-loader';
import { notApplicableReason } from './applicability';

const manifest = loadManifest(join(__dirname, '..', '..', 'services', 'wazo-foo.yml'));
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
    [{ requirements: undefined }, scenario('requirements.txt pins package versions equal to Debian packages', '@dependencies'), /^requirements is not set/],
  ];
  for (const [change, s, reason] of cases) assert.match(notApplicableReason(s, { ...manifest, ...change }) ?? '', reason, JSON.stringify(change));
});

test('a field only touches its own scenarios', () => {
  assert.equal(notApplicableReason(scenario('The service default user is not root', '@user'), { ...manifest, backup: [], wazoService: false }), undefined);
});
