import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ListeningSocket } from '../probes/sockets';
import { addressScope, httpTestingPort, listeningMismatches } from './ports';

const socket = (address: string, port: number): ListeningSocket => ({ protocol: 'tcp', address, port, process: '' });

test('the HTTP testing ports include those the guidelines name', () => {
  assert.ok(httpTestingPort(8000));
  assert.ok(httpTestingPort(8080));
  assert.equal(httpTestingPort(9504), undefined);
});

test('addresses: loopback (v4 and v6), every address (0.0.0.0, [::], *), or another one', () => {
  assert.deepEqual(['127.0.0.1', '::1', '0.0.0.0', '::', '*', '10.0.0.2'].map(addressScope), ['127.0.0.1', '127.0.0.1', '0.0.0.0', '0.0.0.0', '0.0.0.0', 'other']);
});

test('listening sockets match the declaration exactly: port set and address', () => {
  const declared = [{ port: 9504, listen: '127.0.0.1' as const }];
  assert.deepEqual(listeningMismatches([socket('127.0.0.1', 9504), socket('::1', 9504)], declared), []);
  assert.deepEqual(listeningMismatches([socket('0.0.0.0', 9504)], declared), ['0.0.0.0:9504 listens on every address, declared 127.0.0.1']);
  assert.deepEqual(listeningMismatches([socket('127.0.0.1', 9504), socket('::', 9599)], declared), ['[::]:9599 listens but port 9599 is not declared']);
  assert.deepEqual(listeningMismatches([], declared), ['nothing listens on declared port 9504']);
});

test('a service that declares no port (api: none) must listen on none: any socket is a mismatch', () => {
  assert.deepEqual(listeningMismatches([], []), []);
  assert.deepEqual(listeningMismatches([socket('127.0.0.1', 8080)], []), ['127.0.0.1:8080 listens but port 8080 is not declared']);
});
