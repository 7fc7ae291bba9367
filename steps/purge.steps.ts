import { Given, Then, When } from '@cucumber/cucumber';
import { API_NONE_NOT_ROUTED, CONSUL_NOT_REGISTERING } from '../support/checks/applicability';
import { check } from '../support/checks/check';
import { ALLOWED_AFTER_PURGE, processesLeft, purgeLeftovers, routeRemoved } from '../support/rules/purge';
import { installPackage, PACKAGE_DIR, purgePackage } from '../support/host/package-installer';
import { describeAnswer } from '../support/rules/discovery';
import { instancesInConsul } from '../support/host/consul-catalog';
import { addedEntries, listFilesystem } from '../support/probes/filesystem';
import { apiPath, nginxReloads, nginxStatus } from '../support/probes/nginx';
import { unitProcesses, userProcesses } from '../support/probes/processes';
import { hostPool } from '../support/runtime/hooks';
import { TIMEOUTS } from '../support/runtime/timeouts';
import type { HarnessWorld } from '../support/runtime/world';

const BEFORE = `${PACKAGE_DIR}/filesystem-before-install.txt`;
const AFTER = `${PACKAGE_DIR}/filesystem-after-purge.txt`;

Given('a Wazo host of its own whose filesystem has been listed', async function (this: HarnessWorld) {
  this.state.set('host', await hostPool().boot('purge'));
  this.state.set('ownsHost', true);
  const listed = await listFilesystem(this.currentHost, BEFORE);
  check(listed.value > 0, { expected: 'a listing of the host filesystem', found: 'an empty listing', evidence: listed.evidence });
});

When('the service package is installed on it', async function (this: HarnessWorld) {
  const installation = await installPackage(this.currentHost, this.manifest.package.file);
  this.state.set('installation', installation);
  const { apt } = installation;
  check(apt.exitCode === 0, { expected: `apt-get install of ${this.manifest.package.file} to exit 0`, found: `exit ${apt.exitCode}`, evidence: [apt] });
});

When('the service package is purged', async function (this: HarnessWorld) {
  this.state.set('action', await purgePackage(this.currentHost, this.manifest.package.name));
});

Then('the purge succeeds', function (this: HarnessWorld) {
  const purge = this.state.get('action');
  check(purge.exitCode === 0, { expected: `apt-get purge ${this.manifest.package.name} to exit 0`, found: `exit ${purge.exitCode}`, evidence: [purge] });
});

Then('no process of the service is left', async function (this: HarnessWorld) {
  // The unit file is gone, but a process left running is still in the unit's control group, or runs as the (kept) user.
  const [inUnit, asUser] = await Promise.all([unitProcesses(this.currentHost, this.manifest.unit), userProcesses(this.currentHost, this.manifest.user)]);
  const left = processesLeft(inUnit.value, asUser.value);
  check(left.length === 0, {
    expected: `no process of ${this.manifest.unit} or of user ${this.manifest.user} after the purge`,
    found: left.map((p) => `pid ${p.pid} (${p.user}): ${p.command}`).join('; '),
    evidence: [...inUnit.evidence, ...asUser.evidence],
  });
});

Then('the service is no longer registered in consul', async function (this: HarnessWorld) {
  // Part of a bigger check: noted, and the rest of the purge is still judged.
  if (!this.manifest.consul.registers) return this.log(CONSUL_NOT_REGISTERING);
  const answer = await instancesInConsul(this.currentHost, this.manifest.name, TIMEOUTS.httpRequest);
  check(answer.value.unanswered === undefined && answer.value.instances.length === 0, {
    expected: `consul to know no instance of ${this.manifest.name} after the purge (a stopping daemon deregisters)`,
    found: `${answer.value.unanswered === undefined ? 'still registered: ' : ''}${describeAnswer(this.manifest.name, answer.value)}`,
    evidence: answer.evidence,
  });
});

Then("nginx no longer routes the service's API and still reloads", async function (this: HarnessWorld) {
  // Part of the purge check: noted, and the rest of the purge is still judged.
  const { api } = this.manifest;
  if (!api) return this.log(API_NONE_NOT_ROUTED);
  const path = apiPath(api.shortName, api.version);
  const [status, reloads] = [await nginxStatus(this.currentHost, path), await nginxReloads(this.currentHost)];
  check(routeRemoved(status.value) && reloads.value, {
    expected: `GET https://localhost${path} to answer 404 (no route left for /api/${api.shortName}/), and nginx -t and reload to succeed`,
    found: `HTTP ${status.value || 'no answer'}${status.value === 502 ? ' (the route is still there, to a service that is gone)' : ''}; nginx ${reloads.value ? 'reloads' : 'does not reload'}`,
    evidence: [...status.evidence, ...reloads.evidence],
  });
});

Then('the purge leaves no file outside the paths Debian allows', async function (this: HarnessWorld) {
  const added = await addedEntries(this.currentHost, BEFORE, AFTER);
  const left = purgeLeftovers(added.value.map((e) => e.path));
  check(left.length === 0, {
    expected: `nothing left by install + purge but in the allowed paths (${ALLOWED_AFTER_PURGE.map((a) => a.path).join(' ')})`,
    found: `left after purge: ${left.join(' ')}`,
    evidence: added.evidence,
  });
});
