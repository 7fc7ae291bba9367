import { Given } from '@cucumber/cucumber';
import { check } from '../support/checks/check';
import { systemctl } from '../support/host/service-control';
import { waitUntilReady } from '../support/host/service-readiness';
import { hostPool } from '../support/runtime/hooks';
import { TIMEOUTS } from '../support/runtime/timeouts';
import type { HarnessWorld } from '../support/runtime/world';

async function useInstalledHost(world: HarnessWorld): Promise<void> {
  const { host, installation } = await hostPool().installed(world.manifest);
  world.host = host;
  world.installation = installation;
}

Given('the service package has been installed on a fresh Wazo host', async function (this: HarnessWorld) {
  await useInstalledHost(this);
});

function checkInstalled(world: HarnessWorld): void {
  const apt = world.installation!.apt;
  check(apt.exitCode === 0, {
    expected: `${world.manifest.package.name} to install (a precondition of this scenario; see the @install feature)`,
    found: `apt-get exited ${apt.exitCode}`,
    evidence: [apt],
  });
}

Given('the service is installed on a Wazo host', async function (this: HarnessWorld) {
  await useInstalledHost(this);
  checkInstalled(this);
});

/** For scenarios that change the host (stop, restart...): a fresh one, removed after the scenario. */
Given('the service is installed on a Wazo host of its own', async function (this: HarnessWorld) {
  const { host, installation } = await hostPool().installedOwn(this.manifest, 'own');
  this.host = host;
  this.ownsHost = true;
  this.installation = installation;
  checkInstalled(this);
});

/** monit restarts a monitored service within its 5 s cycle: a scenario that stops the service itself stops monit first. */
Given("monit is stopped, so that it does not undo the scenario's stops", async function (this: HarnessWorld) {
  const evidence = await systemctl(this.currentHost, 'stop', 'monit.service');
  check(evidence.exitCode === 0, { expected: 'systemctl stop monit.service to succeed', found: `exit ${evidence.exitCode}`, evidence: [evidence] });
});

Given('the service is running', async function (this: HarnessWorld) {
  const { fact, satisfied, waitedMs } = await waitUntilReady(this.currentHost, this.manifest, TIMEOUTS.serviceReady);
  const { unit, listening } = fact.value;
  check(satisfied && unit.activeState === 'active', {
    expected: `${this.manifest.unit} active and listening on port ${this.manifest.api.port} within ${TIMEOUTS.serviceReady / 1000} s`,
    found: `after ${(waitedMs / 1000).toFixed(1)} s: unit ${unit.activeState}/${unit.subState}, port ${this.manifest.api.port} ${listening ? 'listening' : 'not listening'}`,
    evidence: fact.evidence,
  });
});
