import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ListeningSocket } from '../probes/sockets';
import type { Flow, FlowTable } from '../ports/flow-table';
import { addressScope, flowsOfDaemon, httpTestingPort, listeningMismatches, listsApiPort, otherOwnersOfPort, portAllowedForDaemon } from './ports';

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

const flow = (daemon: string, port: number, protocol: Flow['protocol'] = 'TCP', listen: Flow['listen'] = '0.0.0.0'): Flow => ({
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
  assert.deepEqual(otherOwnersOfPort(table, 9504, 'wazo-foo'), [], 'a UDP row does not hold the TCP port');
  assert.deepEqual(otherOwnersOfPort(table, 9486, 'wazo-foo'), [table.flows[0]]);
});

test('a new daemon must be above 9503; a daemon the guidelines list keeps its port', () => {
  assert.equal(portAllowedForDaemon(9504, []), true);
  assert.equal(portAllowedForDaemon(9503, []), false);
  assert.equal(portAllowedForDaemon(9486, [flow('wazo-confd', 9486)]), true);
});

test('the documentation lists the API port with its listen address, on TCP', () => {
  const rows = flowsOfDaemon(table, 'wazo-foo');
  assert.equal(listsApiPort(rows, { port: 9504, listen: '127.0.0.1' }), true);
  assert.equal(listsApiPort(rows, { port: 9504, listen: '0.0.0.0' }), false);
  assert.equal(listsApiPort([flow('wazo-foo', 9504, 'TCP/UDP', '127.0.0.1')], { port: 9504, listen: '127.0.0.1' }), true);
  assert.equal(listsApiPort([flow('wazo-foo', 9504, 'UDP', '127.0.0.1')], { port: 9504, listen: '127.0.0.1' }), false);
});
