import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ListeningSocket } from '../probes/sockets';
import type { Flow, FlowTable } from '../ports/flow-table';
import type { DeclaredPort } from '../configuration/manifest';
import { flowsOfDaemon, httpTestingPort, listeningMismatches, listsPort, otherOwnersOfPort, portAllowedForDaemon } from './ports';

const socket = (address: string, port: number, protocol: ListeningSocket['protocol'] = 'tcp'): ListeningSocket => ({ protocol, address, port, process: '' });
const declared = (port: number, listen: string, protocol: DeclaredPort['protocol'] = 'tcp'): DeclaredPort => ({ port, protocol, listen });

test('the HTTP testing ports include those the guidelines name', () => {
  assert.ok(httpTestingPort(8000));
  assert.ok(httpTestingPort(8080));
  assert.equal(httpTestingPort(9504), undefined);
});

test('listening sockets match the declaration exactly: port, protocol and address', () => {
  const api = [declared(9504, '127.0.0.1')];
  assert.deepEqual(listeningMismatches([socket('127.0.0.1', 9504)], api), []);
  assert.deepEqual(listeningMismatches([socket('0.0.0.0', 9504)], api), ['0.0.0.0:9504/tcp listens on every address, declared 127.0.0.1']);
  assert.deepEqual(listeningMismatches([socket('127.0.0.1', 9504)], [...api, declared(9504, '::1')]), ['nothing listens on declared 9504/tcp on ::1']);
  assert.deepEqual(listeningMismatches([socket('127.0.0.1', 9504), socket('::1', 9504)], api), ['[::1]:9504/tcp listens on ::1, declared 127.0.0.1'], 'loopback v6 is another address');
  assert.deepEqual(listeningMismatches([socket('127.0.0.1', 9504), socket('::', 9599)], api), ['[::]:9599/tcp listens but port 9599/tcp is not declared']);
  assert.deepEqual(listeningMismatches([], api), ['nothing listens on declared 9504/tcp on 127.0.0.1']);
});

test('UDP is judged like TCP, and a port on one transport is not declared on the other', () => {
  const ports = [declared(9508, '::1'), declared(9509, '::', 'udp')];
  // ss writes [::1] and, for a dual-stack wildcard, *: the same addresses, canonically.
  assert.deepEqual(listeningMismatches([socket('::1', 9508), socket('*', 9509, 'udp')], ports), []);
  assert.deepEqual(listeningMismatches([socket('0:0::1', 9508), socket('[::]', 9509, 'udp')], ports), []);
  assert.deepEqual(listeningMismatches([socket('::1', 9508), socket('*', 9509, 'udp'), socket('::', 9599, 'udp')], ports), ['[::]:9599/udp listens but port 9599/udp is not declared']);
  assert.deepEqual(listeningMismatches([socket('::1', 9508), socket('*', 9509, 'udp'), socket('::1', 9508, 'udp')], ports), ['[::1]:9508/udp listens but port 9508/udp is not declared']);
  assert.deepEqual(listeningMismatches([socket('::1', 9508)], ports), ['nothing listens on declared 9509/udp on ::']);
});

test('a service that declares no port (ports: []) must listen on none: any socket is a mismatch', () => {
  assert.deepEqual(listeningMismatches([], []), []);
  assert.deepEqual(listeningMismatches([socket('127.0.0.1', 8080)], []), ['127.0.0.1:8080/tcp listens but port 8080/tcp is not declared']);
  assert.deepEqual(listeningMismatches([socket('0.0.0.0', 5353, 'udp')], []), ['0.0.0.0:5353/udp listens but port 5353/udp is not declared']);
});

const flow = (daemon: string, port: number, protocol: Flow['protocol'] = 'TCP', listen = '0.0.0.0'): Flow => ({
  daemon,
  service: 'HTTPS',
  protocol,
  port,
  listen,
  authentication: 'yes',
  enabled: true,
});
const table: FlowTable = { source: 'ports.md', flows: [flow('wazo-confd', 9486), flow('wazo-foo', 9504, 'TCP', '127.0.0.1'), flow('ntpd', 9504, 'UDP')] };

test("a daemon's rows, and the other daemons on its TCP port", () => {
  assert.deepEqual(flowsOfDaemon(table, 'wazo-foo'), [table.flows[1]]);
  assert.deepEqual(otherOwnersOfPort(table, declared(9504, '127.0.0.1'), 'wazo-foo'), [], 'a UDP row does not hold the TCP port');
  assert.deepEqual(otherOwnersOfPort(table, declared(9504, '::', 'udp'), 'wazo-foo'), [table.flows[2]], 'it holds the UDP one');
  assert.deepEqual(otherOwnersOfPort(table, declared(9486, '0.0.0.0'), 'wazo-foo'), [table.flows[0]]);
});

test('a new daemon must be above 9503; a daemon the guidelines list keeps its port', () => {
  assert.equal(portAllowedForDaemon(9504, []), true);
  assert.equal(portAllowedForDaemon(9503, []), false);
  assert.equal(portAllowedForDaemon(9486, [flow('wazo-confd', 9486)]), true);
});

test('the documentation lists each declared port with its transport and its listen address, compared canonically', () => {
  const rows = flowsOfDaemon(table, 'wazo-foo');
  assert.equal(listsPort(rows, declared(9504, '127.0.0.1')), true);
  assert.equal(listsPort(rows, declared(9504, '0.0.0.0')), false);
  assert.equal(listsPort([flow('wazo-foo', 9504, 'TCP/UDP', '127.0.0.1')], declared(9504, '127.0.0.1', 'udp')), true);
  assert.equal(listsPort([flow('wazo-foo', 9504, 'UDP', '127.0.0.1')], declared(9504, '127.0.0.1')), false);
  assert.equal(listsPort([flow('wazo-echo', 9508, 'TCP', '0:0::1')], declared(9508, '::1')), true);
  assert.equal(listsPort([flow('wazo-echo', 9508, 'TCP', '::')], declared(9508, '0.0.0.0')), false, 'the IPv6 wildcard is not the IPv4 one');
});
