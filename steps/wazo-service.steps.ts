import { Then, When } from '@cucumber/cucumber';
import { check } from '../support/checks/check';
import { realToolKnowledge } from '../support/probes/real-tool-lists';
import { startedInOrder, WAZO_SERVICE_DROP_INS, wazoService, wazoServiceStatus } from '../support/probes/wazo-service';
import { HOST_SERVICES_FIRST, realServiceNote, realServiceStanding, startPosition, statusLineOf, wazoServiceNames } from '../support/rules/wazo-service';
import type { HarnessWorld } from '../support/runtime/world';

Then('wazo-service status lists the service as running', async function (this: HarnessWorld) {
  const names = wazoServiceNames(this.manifest);
  const known = await realToolKnowledge(this.currentHost, 'wazo-service', WAZO_SERVICE_DROP_INS);
  this.log(realServiceNote(realServiceStanding(known.value, names), this.manifest.name, known.value));
  const status = await wazoServiceStatus(this.currentHost);
  const line = statusLineOf(status.value, names);
  check(line?.state === 'running', {
    expected: `wazo-service status all to list ${this.manifest.name} as running (a line "<tab>running<tab><tab>${this.manifest.name}")`,
    found: line ? `listed as ${line.state}` : `not listed (it lists: ${status.value.map((l) => l.name).join(', ') || 'nothing'})`,
    evidence: status.evidence,
  });
});

When('the administrator runs {string}', async function (this: HarnessWorld, commandLine: string) {
  const [tool, action, filter] = commandLine.split(' ');
  if (tool !== 'wazo-service') throw new Error(`this step runs wazo-service only, not ${tool}`);
  const evidence = await wazoService(this.currentHost, action, filter);
  this.state.set('action', evidence);
  check(evidence.exitCode === 0, { expected: `${commandLine} to exit 0`, found: `exit ${evidence.exitCode}`, evidence: [evidence] });
});

Then('wazo-service started the service after the services it depends on', function (this: HarnessWorld) {
  const output = this.state.get('action');
  const order = startedInOrder(output.stdout);
  const { position, hostServicesAfter } = startPosition(order, wazoServiceNames(this.manifest));
  check(position >= 0 && hostServicesAfter.length === 0, {
    expected: `wazo-service to start ${this.manifest.name} ("starting ${this.manifest.name} ... OK") after ${HOST_SERVICES_FIRST.join(' and ')}`,
    found: position < 0 ? `it did not start it (started: ${order.join(', ') || 'nothing'})` : `started before ${hostServicesAfter.join(', ')} (order: ${order.join(', ')})`,
    evidence: [output],
  });
});
