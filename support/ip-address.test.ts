import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addressScope, canonicalAddress, hostPort, isAddress, sameAddress } from './ip-address';

test('IPv4 and IPv6 addresses, bracketed or not, are addresses; names and garbage are not', () => {
  assert.deepEqual(['0.0.0.0', '::', '[::1]', '10.1.2.3', 'fe80::1', 'localhost', '256.0.0.1', '*', ''].map(isAddress), [true, true, true, true, true, false, false, false, false]);
});

test('one canonical form: [::], 0:0::0 and ss\'s * are ::; ::1 spelt long is ::1', () => {
  assert.deepEqual(['[::]', '0:0::0', '*', '0:0:0:0:0:0:0:1', 'FE80:0:0::1', '127.0.0.1'].map(canonicalAddress), ['::', '::', '::', '::1', 'fe80::1', '127.0.0.1']);
  assert.equal(sameAddress('[::1]', '0::1'), true);
  assert.equal(sameAddress('::', '0.0.0.0'), false, 'the IPv6 wildcard is not the IPv4 one');
});

test('scope: loopback (v4, v6, v4-mapped), every address (both wildcards), one interface', () => {
  assert.deepEqual(['127.0.0.1', '::1', '::ffff:127.0.0.1', '0.0.0.0', '[::]', '*', '10.0.0.2', 'fe80::1'].map(addressScope), [
    'loopback', 'loopback', 'loopback', 'every address', 'every address', 'every address', 'one interface', 'one interface',
  ]);
});

test('address:port, IPv6 in brackets', () => {
  assert.equal(hostPort('::1', 9508), '[::1]:9508');
  assert.equal(hostPort('127.0.0.1', 9504), '127.0.0.1:9504');
});
