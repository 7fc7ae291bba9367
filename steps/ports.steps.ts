import { Then } from '@cucumber/cucumber';
import { applicableApi } from '../support/checks/applicability';
import { check, requireEnvironment } from '../support/checks/check';
import { flowsOfDaemon, httpTestingPort, listeningMismatches, listsApiPort, otherOwnersOfPort, portAllowedForDaemon } from '../support/rules/ports';
import { displayPath } from '../support/display-path';
import { harnessFileEvidence, type Evidence } from '../support/probes/evidence';
import { CGROUP_READ_ATTEMPTS, cgroupsUnread, listeningTcpSocketsWithCgroups, socketsOfUnit } from '../support/probes/sockets';
import { LAST_ALLOCATED_PORT, NAMED_TABLES, loadFlowTable, renderFlowMarkdown, type Flow, type FlowTable } from '../support/ports/flow-table';
import type { HarnessWorld } from '../support/runtime/world';

/** The manifest's declaration of the port, as evidence. */
function declaration(world: HarnessWorld): Evidence {
  const { api, source } = world.manifest;
  const declared = api ? `{ protocol: ${api.protocol}, listen: ${api.listen}, port: ${api.port} }` : 'none';
  return harnessFileEvidence(displayPath(source), `name: ${world.manifest.name}\napi: ${declared}`);
}

/** Some rows of a table, as evidence (the whole table would drown the finding). */
function rowsEvidence(table: FlowTable, flows: Flow[]): Evidence {
  return harnessFileEvidence(table.source, flows.length > 0 ? renderFlowMarkdown({ ...table, flows }) : '(no row)');
}

Then("the service's port is not a port usually used for testing HTTP", function (this: HarnessWorld) {
  const { port } = applicableApi(this.manifest);
  const testing = httpTestingPort(port);
  check(testing === undefined, {
    expected: `port ${port} not to be one usually used for testing HTTP (8000, 8080, etc.: support/rules/ports.ts)`,
    found: `port ${port} is usually used for testing HTTP (${testing?.usedBy})`,
    evidence: [declaration(this)],
  });
});

Then('no other daemon of the network flow table uses the service\'s port', function (this: HarnessWorld) {
  const { port } = applicableApi(this.manifest);
  const table = loadFlowTable(NAMED_TABLES.project);
  const owners = otherOwnersOfPort(table, port, this.manifest.name);
  check(owners.length === 0, {
    expected: `TCP port ${port} used by no daemon but ${this.manifest.name} in ${table.source}`,
    found: `port ${port} belongs to ${owners.map((f) => `${f.daemon ?? '-'} (${f.service})`).join(', ')}`,
    evidence: [declaration(this), rowsEvidence(table, owners)],
  });
});

Then("the service's port is above 9503 if the service is a new daemon", function (this: HarnessWorld) {
  const known = flowsOfDaemon(loadFlowTable(NAMED_TABLES.guidelines), this.manifest.name);
  const { port } = applicableApi(this.manifest);
  check(portAllowedForDaemon(port, known), {
    expected: `${this.manifest.name}, a daemon the guidelines' table does not list, to use a port above ${LAST_ALLOCATED_PORT}`,
    found: `port ${port}`,
    evidence: [declaration(this)],
  });
});

Then("the service's port is listed in the ports documentation with its listen address", function (this: HarnessWorld) {
  const { name } = this.manifest;
  const api = applicableApi(this.manifest);
  const documentation = loadFlowTable(this.manifest.portsDocumentation);
  const own = flowsOfDaemon(documentation, name);
  check(listsApiPort(own, api), {
    expected: `a row "${name} | ... | TCP | ${api.port} | ${api.listen}" in ${documentation.source}`,
    found: own.length === 0 ? `no row for ${name}` : own.map((f) => `${f.protocol} ${f.port ?? '-'} on ${f.listen}`).join(', '),
    evidence: [declaration(this), rowsEvidence(documentation, own)],
  });
});

Then("the service's processes listen on exactly the declared ports and addresses", async function (this: HarnessWorld) {
  const { unit, api } = this.manifest;
  const sockets = await listeningTcpSocketsWithCgroups(this.currentHost);
  // Which unit a socket is of comes from its cgroup: without it, the machine failed ss, not the package.
  requireEnvironment(!cgroupsUnread(sockets.value), {
    expected: `ss to name the cgroup of every listening socket (asked ${CGROUP_READ_ATTEMPTS} times)`,
    found: "ss could not walk the machine's cgroup hierarchy (a container of the machine ending meanwhile): its sockets are unreachable:ID",
    evidence: sockets.evidence,
  });
  const own = socketsOfUnit(sockets.value, unit);
  // api: none declares no port: the service must listen on none.
  const problems = listeningMismatches(own, api ? [{ port: api.port, listen: api.listen }] : []);
  check(problems.length === 0, {
    expected: api
      ? `the processes of ${unit} to listen on TCP port ${api.port} on ${api.listen} only (the manifest's api), and on no other port`
      : `the processes of ${unit} to listen on no TCP port (api is none: the manifest declares no port)`,
    found: problems.join('; '),
    evidence: [declaration(this), ...sockets.evidence],
  });
});
