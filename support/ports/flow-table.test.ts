import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadManifest } from '../configuration/manifest-loader';
import { ServiceCatalog } from '../configuration/service-catalog';
import {
  NAMED_TABLES,
  PORTS_DOCUMENTATION,
  flowsOnPort,
  loadFlowTable,
  nextFreePort,
  parseFlowMarkdown,
  parseFlowYaml,
  renderPortsDocumentation,
  tableConflicts,
} from './flow-table';
import { PATHS } from '../paths';

const guidelines = parseFlowMarkdown(readFileSync(NAMED_TABLES.guidelines, 'utf8'), 'guidelines');
const project = loadFlowTable(NAMED_TABLES.project);

test('the parser reads every row of the flow table in the guidelines', () => {
  assert.deepEqual(guidelines.problems, []);
  assert.equal(guidelines.table.flows.length, 42);
  assert.deepEqual(guidelines.table.flows[0], { daemon: null, service: 'ICMP', protocol: 'ICMP', port: null, listen: '0.0.0.0', authentication: 'no', enabled: true });
  assert.deepEqual(
    guidelines.table.flows.find((f) => f.port === 8301),
    { daemon: 'consul', service: 'Consul SerfLAN', protocol: 'TCP/UDP', port: 8301, listen: '127.0.0.1', authentication: 'yes', enabled: true },
  );
  assert.equal(guidelines.table.flows.filter((f) => !f.enabled).length, 2); // isc-dhcpd
  assert.equal(guidelines.table.flows.find((f) => f.daemon === 'wazo-phoned')?.authentication, 'IP filtering');
  assert.deepEqual(tableConflicts(guidelines.table), []);
});

const SHAPES = join(PATHS.examples, 'shapes');

test("the project's table holds the guidelines' rows, in their order, then one row per service of services/ and examples/shapes/, as its manifest declares", () => {
  assert.deepEqual(project.flows.slice(0, guidelines.table.flows.length), guidelines.table.flows);
  const services = [
    ...new ServiceCatalog(PATHS.services).names().map((name) => join(PATHS.services, `${name}.yml`)),
    ...readdirSync(SHAPES).map((shape) => join(SHAPES, shape, 'service.yml')),
  ].map(loadManifest);
  const row = (daemon: string, protocol: string, port: number | null, listen: string) => `${daemon} ${protocol} ${port} ${listen}`;
  const declared = (m: (typeof services)[number]) => m.ports.map((p) => row(m.name, p.protocol.toUpperCase(), p.port, p.listen));
  // A shape named after a daemon the guidelines list (http-and-https is wazo-phoned) declares that daemon's own rows.
  const listedByGuidelines = (m: (typeof services)[number]) => guidelines.table.flows.some((f) => f.daemon === m.name);
  const guidelineRows = guidelines.table.flows.map((f) => row(f.daemon ?? '', f.protocol, f.port, f.listen));
  for (const m of services.filter(listedByGuidelines)) for (const r of declared(m)) assert.ok(guidelineRows.includes(r), `${r} is a row of the guidelines' table`);
  assert.deepEqual(
    project.flows.slice(guidelines.table.flows.length).map((f) => row(f.daemon ?? '', f.protocol, f.port, f.listen)).sort(),
    // One row per declared port, UDP included; a service that declares none (ports: []) has no row.
    services.filter((m) => !listedByGuidelines(m)).flatMap(declared).sort(),
  );
  assert.deepEqual(tableConflicts(project), []);
});

test('docs/ports.md is rendered from the project table and reads back to it', () => {
  const documentation = readFileSync(PORTS_DOCUMENTATION, 'utf8');
  assert.equal(documentation, renderPortsDocumentation(project), 'run `npm run ports -- docs`');
  assert.deepEqual(parseFlowMarkdown(documentation, 'docs').table.flows, project.flows);
});

test('the next free port is the first unused one above 9503', () => {
  assert.equal(nextFreePort(guidelines.table), 9504);
  assert.equal(nextFreePort(project), 9512, 'wazo-foo has 9504, wazo-bar 9505, wazo-qux 9506, wazo-hardy 9507, wazo-echo 9508 and 9509/UDP, wazo-sock 9510, wazo-jot 9511/UDP');
  assert.equal(nextFreePort(project, 9485), 9487);
});

test('a port is owned per transport: TCP/UDP rows own both', () => {
  assert.deepEqual(flowsOnPort(project, 8301, 'TCP').map((f) => f.daemon), ['consul']);
  assert.deepEqual(flowsOnPort(project, 5060, 'TCP'), []);
  assert.deepEqual(flowsOnPort(project, 5060, 'UDP').map((f) => f.daemon), ['asterisk']);
});

test('bad values and ports listed twice are problems, each naming its row', () => {
  const read = parseFlowYaml(
    [
      'flows:',
      '  - { daemon: a, service: HTTP, protocol: TCP, port: 9504, listen: "127.0.0.1", authentication: "yes", enabled: true }',
      '  - { daemon: b, service: HTTP, protocol: TCP/UDP, port: 9504, listen: "127.0.0.1", authentication: "yes", enabled: true }',
      '  - { daemon: c, service: HTTP, protocol: SCTP, port: 70000, listen: "::", authentication: "maybe", enabled: "yes" }',
      '  - { daemon: d, service: ICMP, protocol: ICMP, port: 1, listen: "0.0.0.0", authentication: "no", enabled: true }',
      '  - { daemon: e, service: Echo, protocol: UDP, port: 9509, listen: "localhost", authentication: "no", enabled: true }',
      '  - { daemon: f, service: HTTP, protocol: TCP, port: 9508, listen: "0::1", authentication: "yes", enabled: true }',
    ].join('\n'),
    't.yml',
  );
  assert.equal(read.table.flows.length, 3, 'an IPv6 address is a listen address');
  assert.deepEqual(read.problems.filter((p) => p.startsWith('t.yml: row 3')).length, 4, read.problems.join('\n'));
  assert.match(read.problems.join('\n'), /row 5: listen must be an IPv4 or IPv6 address \(found "localhost"\)/);
  assert.match(read.problems.join('\n'), /row 3: protocol must be one of: TCP, UDP, TCP\/UDP, ICMP \(found "SCTP"\)/);
  assert.match(read.problems.join('\n'), /row 4: ICMP has no port/);
  assert.deepEqual(tableConflicts(read.table), ['port 9504/TCP is listed twice: a HTTP and b HTTP']);
  assert.match(parseFlowYaml('flows: 3', 'x.yml').problems[0], /a top-level "flows:" list is required/);
  assert.match(parseFlowMarkdown('# no table', 'x.md').problems[0], /no table with the columns Daemon Name/);
});

test('the Markdown table is read as Markdown: escaped pipes, cells without spaces, other tables before it; problems name the line', () => {
  const markdown = [
    '| a | b |',
    '|---|---|',
    '| 1 | 2 |',
    '',
    'Daemon Name|Service|Protocol|Port|Listen|Authentication|Enabled',
    ':--|:-:|--|--:|--|--|--',
    'nginx|HTTP \\| HTTPS|TCP|443|0.0.0.0|yes|yes',
    '| `bad` | HTTP | SCTP | 80 | 0.0.0.0 | yes | yes |',
    '',
    'After the table.',
  ].join('\n');
  const read = parseFlowMarkdown(markdown, 't.md');
  assert.deepEqual(read.table.flows, [{ daemon: 'nginx', service: 'HTTP | HTTPS', protocol: 'TCP', port: 443, listen: '0.0.0.0', authentication: 'yes', enabled: true }]);
  assert.equal(read.problems.length, 2, read.problems.join('\n'));
  assert.ok(read.problems.every((p) => p.startsWith('t.md:8: ')), read.problems.join('\n'));
});
