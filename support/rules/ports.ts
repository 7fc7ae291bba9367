// Item 17 of the checklist: the service's port against the HTTP testing ports, the flow
// tables (the project's, the guidelines', the ports documentation) and its listening sockets.
import type { DeclaredPort } from '../configuration/manifest';
import { addressScope, canonicalAddress, hostPort, sameAddress } from '../ip-address';
import { flowsOnPort, LAST_ALLOCATED_PORT, overlap, type Flow, type FlowTable } from '../ports/flow-table';
import type { ListeningSocket } from '../probes/sockets';

/**
 * Ports "usually used for testing HTTP" (guidelines: "8000, 8080, etc."): the defaults of
 * development servers and IANA's alternate-HTTP ports, which a developer's tools or a
 * forgotten test server may occupy on the machine.
 */
export const HTTP_TESTING_PORTS: ReadonlyArray<{ port: number; usedBy: string }> = [
  { port: 3000, usedBy: 'Node.js/Express, Rails and Grafana development servers' },
  { port: 4200, usedBy: 'Angular `ng serve`' },
  { port: 5000, usedBy: 'Flask `flask run`' },
  { port: 8000, usedBy: 'named by the guidelines; `python3 -m http.server`, Django `runserver`' },
  { port: 8008, usedBy: 'IANA http-alt' },
  { port: 8080, usedBy: 'named by the guidelines; IANA http-alt, Tomcat, Jetty, proxies' },
  { port: 8081, usedBy: 'second choice of 8080 users (IANA sunproxyadmin)' },
  { port: 8443, usedBy: 'IANA pcsync-https, the usual HTTPS alternate of 8080' },
  { port: 8888, usedBy: 'Jupyter notebook' },
  { port: 9000, usedBy: 'PHP-FPM, SonarQube, many test servers' },
];

export function httpTestingPort(port: number): { port: number; usedBy: string } | undefined {
  return HTTP_TESTING_PORTS.find((p) => p.port === port);
}

/** The rows of a flow table that name the daemon. */
export function flowsOfDaemon(table: FlowTable, daemon: string): Flow[] {
  return table.flows.filter((f) => f.daemon === daemon);
}

/** The flow table's word for a declared port's transport. */
function tableProtocol(port: DeclaredPort): Flow['protocol'] {
  return port.protocol === 'tcp' ? 'TCP' : 'UDP';
}

/** A declared port in words: 9508/tcp on ::1. */
export function describePort(port: DeclaredPort): string {
  return `${port.port}/${port.protocol} on ${port.listen}`;
}

/** The rows of a flow table where another daemon than this one holds the port on its transport. */
export function otherOwnersOfPort(table: FlowTable, port: DeclaredPort, daemon: string): Flow[] {
  return flowsOnPort(table, port.port, tableProtocol(port)).filter((f) => f.daemon !== daemon);
}

/**
 * The guidelines: a new daemon picks a port above the last one allocated (9503). Daemons the
 * guidelines' table lists (their rows, `listedRows`) keep their historical ports.
 */
export function portAllowedForDaemon(port: number, listedRows: Flow[]): boolean {
  return listedRows.length > 0 || port > LAST_ALLOCATED_PORT;
}

/** The daemon's rows list a declared port: a row on its port and transport with its listen address. */
export function listsPort(rows: Flow[], port: DeclaredPort): boolean {
  return rows.some((f) => f.port === port.port && sameAddress(f.listen, port.listen) && overlap(f.protocol, tableProtocol(port)));
}

function where(socket: ListeningSocket): string {
  return `${hostPort(socket.address, socket.port)}/${socket.protocol}`;
}

function matches(socket: ListeningSocket, port: DeclaredPort): boolean {
  return socket.protocol === port.protocol && socket.port === port.port && sameAddress(socket.address, port.listen);
}

/**
 * How a unit's listening sockets differ from what it declares, each (port, protocol, address)
 * compared exactly, IPv6 canonically: a socket on an undeclared port or transport, a declared
 * port on another address (one phrase, not also "nothing listens"), a declared port nobody
 * listens on. Empty when they match.
 */
export function listeningMismatches(sockets: ListeningSocket[], declared: DeclaredPort[]): string[] {
  const undeclared = sockets.filter((s) => !declared.some((d) => matches(s, d)));
  const onPort = (s: ListeningSocket, d: DeclaredPort) => s.port === d.port && s.protocol === d.protocol;
  return [
    ...undeclared.map((s) => {
      const elsewhere = declared.filter((d) => onPort(s, d));
      if (elsewhere.length === 0) return `${where(s)} listens but port ${s.port}/${s.protocol} is not declared`;
      return `${where(s)} listens on ${addressScope(s.address) === 'every address' ? 'every address' : canonicalAddress(s.address)}, declared ${elsewhere.map((d) => d.listen).join(', ')}`;
    }),
    ...declared
      .filter((d) => !sockets.some((s) => matches(s, d)) && !undeclared.some((s) => onPort(s, d)))
      .map((d) => `nothing listens on declared ${describePort(d)}`),
  ];
}
