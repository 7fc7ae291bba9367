import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ServiceManifest } from '../configuration/manifest';
import { instancesOf, type ConsulInstance } from '../probes/consul';
import { addressMatches, describeAnswer, describeInstance, hasPassingInstance, isPassing, lastRegistrationIndex, registeredOnceSince, registrationMismatches } from './discovery';

const manifest = { name: 'wazo-foo', api: { listen: '127.0.0.1', port: 9504 } } as ServiceManifest;
const instance: ConsulInstance = {
  id: 'a1',
  service: 'wazo-foo',
  address: '127.0.0.1',
  port: 9504,
  tags: ['wazo-foo', 'c0ffee'],
  checks: [{ id: 'service:a1', name: 'Service check', status: 'passing', output: '' }],
  modifyIndex: 12,
};

test('instancesOf keeps each instance with its own checks, not the node health check', () => {
  const [only] = instancesOf([
    {
      Service: { ID: 'a1', Service: 'wazo-foo', Address: '127.0.0.1', Port: 9504, Tags: null, ModifyIndex: 40 },
      Checks: [
        { CheckID: 'serfHealth', Name: 'Serf Health Status', Status: 'passing', Output: '', ServiceID: '' },
        { CheckID: 'service:a1', Name: 'Service check', Status: 'critical', Output: 'TTL expired', ServiceID: 'a1' },
      ],
    },
  ]);
  assert.deepEqual(only.tags, []);
  assert.equal(only.modifyIndex, 40, 'the registration index tells a registration after a restart from the one before');
  assert.deepEqual(only.checks, [{ id: 'service:a1', name: 'Service check', status: 'critical', output: 'TTL expired' }]);
  assert.equal(isPassing(only), false);
});

test('an instance passes only with at least one check of its own, all passing', () => {
  assert.equal(isPassing(instance), true);
  assert.equal(isPassing({ ...instance, checks: [] }), false);
});

test('the service runs for consul when one of its instances passes', () => {
  const failing = { ...instance, checks: [{ ...instance.checks[0], status: 'critical' }] };
  assert.equal(hasPassingInstance([failing, instance]), true);
  assert.equal(hasPassingInstance([failing]), false);
  assert.equal(hasPassingInstance([]), false);
});

test('registered once since a restart: one passing instance, registered after the index before it', () => {
  assert.equal(lastRegistrationIndex([]), 0);
  assert.equal(lastRegistrationIndex([instance, { ...instance, modifyIndex: 30 }]), 30);
  assert.equal(registeredOnceSince([{ ...instance, modifyIndex: 13 }], 12), true);
  assert.equal(registeredOnceSince([instance], 12), false, 'the registration from before the restart');
  assert.equal(registeredOnceSince([{ ...instance, modifyIndex: 13 }, { ...instance, id: 'a2', modifyIndex: 14 }], 12), false, 'two instances');
  assert.equal(registeredOnceSince([{ ...instance, modifyIndex: 13, checks: [] }], 12), false, 'not passing');
});

test('registrationMismatches names the address, port and tag that differ from the manifest', () => {
  assert.deepEqual(registrationMismatches(instance, manifest), []);
  assert.deepEqual(registrationMismatches({ ...instance, address: '10.0.0.2', port: 9505, tags: ['c0ffee'] }, manifest), [
    'address 10.0.0.2',
    'port 9505',
    'tags [c0ffee] without wazo-foo',
  ]);
});

test('a service without an API (api: none) declares no address nor port: only its tag is judged', () => {
  const noApi = { ...manifest, api: undefined };
  assert.deepEqual(registrationMismatches({ ...instance, address: '10.0.0.2', port: 0 }, noApi), []);
  assert.deepEqual(registrationMismatches({ ...instance, tags: [] }, noApi), ['tags [] without wazo-foo']);
});

test('a service listening on all addresses must not advertise the wildcard', () => {
  assert.equal(addressMatches('172.17.0.2', '0.0.0.0'), true);
  assert.equal(addressMatches('0.0.0.0', '0.0.0.0'), false);
  assert.equal(addressMatches('172.17.0.2', '127.0.0.1'), false);
  assert.equal(addressMatches('::', '::'), false, 'nor the IPv6 one');
  assert.equal(addressMatches('0:0::1', '::1'), true, 'an IPv6 loopback listener advertises ::1, however it is written');
});

test('describeInstance reads as one line', () => {
  assert.equal(describeInstance(instance), 'instance a1 at 127.0.0.1:9504, tags [wazo-foo, c0ffee], service:a1 passing');
});

test('describeAnswer never reads an unanswered question as "no instance"', () => {
  assert.match(describeAnswer('wazo-foo', { instances: [], unanswered: 'connect ECONNREFUSED 127.0.0.1:32768' }), /^consul did not answer \(connect ECONNREFUSED 127\.0\.0\.1:32768\): consul is down/);
  assert.equal(describeAnswer('wazo-foo', { instances: [] }), "no instance of wazo-foo in consul's catalog");
  assert.match(describeAnswer('wazo-foo', { instances: [instance] }), /^instance a1 at 127\.0\.0\.1:9504/);
});
