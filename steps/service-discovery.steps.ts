import { Then, When } from '@cucumber/cucumber';
import { check } from '../support/checks/check';
import { describeAnswer, describeInstance, expectedAddress, hasPassingInstance, lastRegistrationIndex, registeredOnceSince, registrationMismatches } from '../support/rules/discovery';
import { instancesInConsul } from '../support/host/consul-catalog';
import { systemctl, type UnitAction } from '../support/host/service-control';
import { seconds } from '../support/poll';
import { serviceWaits } from '../support/runtime/service-waits';
import { TIMEOUTS } from '../support/runtime/timeouts';
import type { HarnessWorld } from '../support/runtime/world';

async function checkRunningInConsul(world: HarnessWorld, service: string): Promise<void> {
  const wait = serviceWaits.registered(service, hasPassingInstance, TIMEOUTS.consulRegistration);
  const polled = await wait.waitUntilReady(world.currentHost);
  check(polled.satisfied, {
    expected: `consul's catalog to list ${service} with a passing health check within ${seconds(wait.boundMs)}`,
    found: `after ${seconds(polled.waitedMs)}: ${describeAnswer(service, polled.fact.value)}`,
    evidence: polled.fact.evidence,
  });
}

Then('consul returns a running instance of the service', async function (this: HarnessWorld) {
  await checkRunningInConsul(this, this.manifest.name);
});

Then('consul returns a running instance of the service within the registration time of a start', async function (this: HarnessWorld) {
  const service = this.manifest.name;
  const started = this.state.get('startedAt');
  await checkRunningInConsul(this, service);
  this.log(`${service} registered in consul ${seconds(Date.now() - started)} after \`systemctl start\` returned (bound ${seconds(TIMEOUTS.consulRegistration)})`);
});

Then("the consul registration of the service has the manifest's address and port, and its name as a tag", async function (this: HarnessWorld) {
  const service = this.manifest.name;
  const { fact } = await serviceWaits.registered(service, (instances) => instances.length > 0, TIMEOUTS.consulRegistration).waitUntilReady(this.currentHost);
  const { api } = this.manifest;
  const { instances } = fact.value;
  const wrong = instances.map((instance) => ({ instance, mismatches: registrationMismatches(instance, this.manifest) })).filter((w) => w.mismatches.length > 0);
  check(instances.length > 0 && wrong.length === 0, {
    expected: `every instance of ${service} in consul${api ? ` at ${expectedAddress(api.listen)}, port ${api.port} (the manifest's API)` : ''}, tagged ${this.manifest.name}`,
    found: instances.length === 0 ? describeAnswer(service, fact.value) : wrong.map((w) => `${w.mismatches.join(', ')} (${describeInstance(w.instance)})`).join('; '),
    evidence: fact.evidence,
  });
});

const ACTIONS: Record<string, UnitAction> = { stopped: 'stop', started: 'start', restarted: 'restart' };

When(/^the service is (stopped|started|restarted) with systemctl$/, async function (this: HarnessWorld, done: string) {
  const action = ACTIONS[done];
  if (action === 'restart') {
    // What consul knew before: the instance left after the restart must be a registration made after it.
    const before = await instancesInConsul(this.currentHost, this.manifest.name, TIMEOUTS.httpRequest);
    this.state.set('registeredBeforeRestart', lastRegistrationIndex(before.value.instances));
  }
  const evidence = await systemctl(this.currentHost, action, this.manifest.unit);
  check(evidence.exitCode === 0, {
    expected: `systemctl ${action} ${this.manifest.unit} to succeed`,
    found: `exit ${evidence.exitCode}`,
    evidence: [evidence],
  });
  if (action !== 'stop') this.state.set('startedAt', Date.now());
});

Then('consul has no instance of the service left', async function (this: HarnessWorld) {
  const service = this.manifest.name;
  const wait = serviceWaits.registered(service, (instances) => instances.length === 0, TIMEOUTS.consulDeregistration);
  const polled = await wait.waitUntilReady(this.currentHost);
  check(polled.satisfied, {
    expected: `no instance of ${service} in consul's catalog within ${seconds(wait.boundMs)} of the stop (a stopped service deregisters itself)`,
    found: `after ${seconds(polled.waitedMs)}: ${polled.fact.value.unanswered === undefined ? 'still registered: ' : ''}${describeAnswer(service, polled.fact.value)}`,
    evidence: polled.fact.evidence,
  });
});

Then('consul has exactly one instance of the service, passing', async function (this: HarnessWorld) {
  const service = this.manifest.name;
  const before = this.state.find('registeredBeforeRestart') ?? 0;
  const wait = serviceWaits.registered(service, (instances) => registeredOnceSince(instances, before), TIMEOUTS.consulRegistration);
  const polled = await wait.waitUntilReady(this.currentHost);
  check(polled.satisfied, {
    expected: `exactly one instance of ${service} in consul's catalog, passing, registered after the restart (consul index above ${before}), within ${seconds(wait.boundMs)} of the restart`,
    found: `after ${seconds(polled.waitedMs)}: ${polled.fact.value.instances.length} instance(s): ${describeAnswer(service, polled.fact.value)}`,
    evidence: polled.fact.evidence,
  });
});
