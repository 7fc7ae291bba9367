// Item 17 of the checklist: the service's port against the HTTP testing ports, the flow
// tables (the project's, the guidelines', the ports documentation) and its listening sockets.
import type { ServiceApi } from '../configuration/manifest';
import { flowsOnPort, LAST_ALLOCATED_PORT, type Flow, type FlowTable } from '../ports/flow-table';
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

/** The rows of a flow table where another daemon than this one holds the TCP port. */
export function otherOwnersOfPort(table: FlowTable, port: number, daemon: string): Flow[] {
  return flowsOnPort(table, port, 'TCP').filter((f) => f.daemon !== daemon);
}

/**
 * The guidelines: a new daemon picks a port above the last one allocated (9503). Daemons the
 * guidelines' table lists (their rows, `listedRows`) keep their historical ports.
 */
export function portAllowedForDaemon(port: number, listedRows: Flow[]): boolean {
  return listedRows.length > 0 || port > LAST_ALLOCATED_PORT;
}

/** The daemon's rows list its API: a TCP row on its port with its listen address. */
export function listsApiPort(rows: Flow[], api: Pick<ServiceApi, 'port' | 'listen'>): boolean {
  return rows.some((f) => f.port === api.port && f.listen === api.listen && f.protocol.split('/').includes('TCP'));
}

export interface DeclaredPort {
  port: number;
  /** The flow table's Listen column: every address (0.0.0.0) or loopback only (127.0.0.1). */
  listen: '0.0.0.0' | '127.0.0.1';
}

/** What an address a socket is bound to opens: loopback only, every address, or one other. */
export function addressScope(address: string): '127.0.0.1' | '0.0.0.0' | 'other' {
  if (/^127\./.test(address) || address === '::1' || address === '::ffff:127.0.0.1') return '127.0.0.1';
  if (address === '0.0.0.0' || address === '::' || address === '*') return '0.0.0.0';
  return 'other';
}

function where(socket: ListeningSocket): string {
  return `${socket.address.includes(':') ? `[${socket.address}]` : socket.address}:${socket.port}`;
}

/**
 * How a unit's listening sockets differ from what it declares: a socket on an undeclared port,
 * a declared port on another address, a declared port nobody listens on. Empty when they match.
 */
export function listeningMismatches(sockets: ListeningSocket[], declared: DeclaredPort[]): string[] {
  return [
    ...sockets.flatMap((s) => {
      const declaration = declared.find((d) => d.port === s.port);
      if (!declaration) return [`${where(s)} listens but port ${s.port} is not declared`];
      const scope = addressScope(s.address);
      return scope === declaration.listen ? [] : [`${where(s)} listens on ${scope === 'other' ? s.address : scope === '0.0.0.0' ? 'every address' : 'loopback'}, declared ${declaration.listen}`];
    }),
    ...declared.filter((d) => !sockets.some((s) => s.port === d.port)).map((d) => `nothing listens on declared port ${d.port}`),
  ];
}
