import { Then } from '@cucumber/cucumber';
import { applicablePorts } from '../support/checks/applicability';
import { check, requireEnvironment } from '../support/checks/check';
import { activationSocket, type DeclaredPort } from '../support/configuration/manifest';
import { describePort, flowsOfDaemon, httpTestingPort, listeningMismatches, listsPort, otherOwnersOfPort, portAllowedForDaemon } from '../support/rules/ports';
import { displayPath } from '../support/display-path';
import { harnessFileEvidence, type Evidence } from '../support/probes/evidence';
import { CGROUP_READ_ATTEMPTS, cgroupsUnread, listeningSocketsWithCgroups, socketsOfUnit } from '../support/probes/sockets';
import { LAST_ALLOCATED_PORT, NAMED_TABLES, loadFlowTable, renderFlowMarkdown, type Flow, type FlowTable } from '../support/ports/flow-table';
import type { HarnessWorld } from '../support/runtime/world';

/** The manifest's declaration of these ports (default: all of them), as evidence. */
function declaration(world: HarnessWorld, ports: DeclaredPort[] = world.manifest.ports): Evidence {
  const { api, source, name } = world.manifest;
  const entries = ports.length > 0 ? ports.map((p) => `\n  - { port: ${p.port}, protocol: ${p.protocol}, listen: ${p.listen} }`).join('') : ' []';
  return harnessFileEvidence(displayPath(source), `name: ${name}\nports:${entries}\napi: ${api ? `{ protocol: ${api.protocol}, port: ${api.port} }` : 'none'}`);
}

/** Some rows of a table, as evidence (the whole table would drown the finding). */
function rowsEvidence(table: FlowTable, flows: Flow[]): Evidence {
  return harnessFileEvidence(table.source, flows.length > 0 ? renderFlowMarkdown({ ...table, flows }) : '(no row)');
}

/** The declared ports in words, for an expectation. */
function listed(ports: DeclaredPort[]): string {
  return ports.map(describePort).join(', ');
}

Then("the service's port is not a port usually used for testing HTTP", function (this: HarnessWorld) {
  const ports = applicablePorts(this.manifest);
  const testing = ports.flatMap((p) => {
    const usual = httpTestingPort(p.port);
    return usual ? [{ port: p, found: `port ${p.port} is usually used for testing HTTP (${usual.usedBy})` }] : [];
  });
  check(testing.length === 0, {
    expected: `no declared port (${listed(ports)}) to be one usually used for testing HTTP (8000, 8080, etc.: support/rules/ports.ts)`,
    found: testing.map((t) => t.found).join('; '),
    evidence: [declaration(this, testing.map((t) => t.port))],
  });
});

Then('no other daemon of the network flow table uses the service\'s port', function (this: HarnessWorld) {
  const ports = applicablePorts(this.manifest);
  const table = loadFlowTable(NAMED_TABLES.project);
  const taken = ports.map((port) => ({ port, owners: otherOwnersOfPort(table, port, this.manifest.name) })).filter((t) => t.owners.length > 0);
  check(taken.length === 0, {
    expected: `each declared port (${listed(ports)}) used on its transport by no daemon but ${this.manifest.name} in ${table.source}`,
    found: taken.map(({ port, owners }) => `port ${port.port} belongs to ${owners.map((f) => `${f.daemon ?? '-'} (${f.service})`).join(', ')}`).join('; '),
    evidence: [declaration(this, taken.map((t) => t.port)), rowsEvidence(table, taken.flatMap((t) => t.owners))],
  });
});

Then("the service's port is above 9503 if the service is a new daemon", function (this: HarnessWorld) {
  const known = flowsOfDaemon(loadFlowTable(NAMED_TABLES.guidelines), this.manifest.name);
  const below = applicablePorts(this.manifest).filter((p) => !portAllowedForDaemon(p.port, known));
  check(below.length === 0, {
    expected: `${this.manifest.name}, a daemon the guidelines' table does not list, to use ports above ${LAST_ALLOCATED_PORT} only`,
    found: below.map((p) => `port ${p.port}`).join('; '),
    evidence: [declaration(this, below)],
  });
});

Then("the service's port is listed in the ports documentation with its listen address", function (this: HarnessWorld) {
  const { name } = this.manifest;
  const documentation = loadFlowTable(this.manifest.portsDocumentation);
  const own = flowsOfDaemon(documentation, name);
  const missing = applicablePorts(this.manifest).filter((p) => !listsPort(own, p));
  check(missing.length === 0, {
    expected: missing.map((p) => `a row "${name} | ... | ${p.protocol.toUpperCase()} | ${p.port} | ${p.listen}"`).join(', ') + ` in ${documentation.source}`,
    found: own.length === 0 ? `no row for ${name}` : own.map((f) => `${f.protocol} ${f.port ?? '-'} on ${f.listen}`).join(', '),
    evidence: [declaration(this, missing), rowsEvidence(documentation, own)],
  });
});

Then("the service's processes listen on exactly the declared ports and addresses", async function (this: HarnessWorld) {
  const { unit, ports } = this.manifest;
  const socket = activationSocket(this.manifest);
  const sockets = await listeningSocketsWithCgroups(this.currentHost);
  // Which unit a socket is of comes from its cgroup: without it, the machine failed ss, not the package.
  requireEnvironment(!cgroupsUnread(sockets.value), {
    expected: `ss to name the cgroup of every listening socket (asked ${CGROUP_READ_ATTEMPTS} times)`,
    found: "ss could not walk the machine's cgroup hierarchy (a container of the machine ending meanwhile): its sockets are unreachable:ID",
    evidence: sockets.evidence,
  });
  // A socket-activated service listens on the sockets systemd (pid 1) made for its .socket unit, in
  // that unit's cgroup (the daemon shares them as fd 3): they count as its own, an undeclared one too.
  const problems = listeningMismatches([...socketsOfUnit(sockets.value, unit), ...(socket ? socketsOfUnit(sockets.value, socket) : [])], ports);
  const listeners = socket ? `${unit} and systemd for ${socket}` : `the processes of ${unit}`;
  check(problems.length === 0, {
    expected: ports.length > 0
      ? `${listeners} to listen on exactly ${listed(ports)} (the manifest's ports), and on nothing else, TCP or UDP`
      : `${listeners} to listen on no TCP or UDP port (ports is empty: the manifest declares none)`,
    found: problems.join('; '),
    evidence: [declaration(this), ...sockets.evidence],
  });
});
