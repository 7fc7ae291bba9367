import { Given } from '@cucumber/cucumber';
import { check } from '../support/checks/check';
import { isReady, waitUntilReady } from '../support/host/service-readiness';
import { lastLines } from '../support/probes/evidence';
import { hostPool } from '../support/runtime/hooks';
import { TIMEOUTS } from '../support/runtime/timeouts';
import type { HarnessWorld } from '../support/runtime/world';

async function useInstalledHost(world: HarnessWorld): Promise<void> {
  const { host, installation, readiness } = await hostPool().installed(world.manifest);
  world.host = host;
  world.installation = installation;
  world.readiness = readiness;
}

Given('the service package has been installed on a fresh Wazo host', async function (this: HarnessWorld) {
  await useInstalledHost(this);
});

Given('the service is installed on a Wazo host', async function (this: HarnessWorld) {
  await useInstalledHost(this);
  const apt = this.installation!.apt;
  check(apt.exitCode === 0, {
    expected: `${this.manifest.package.name} to install (a precondition of this scenario; see the @install feature)`,
    found: `apt-get exited ${apt.exitCode}`,
    evidence: [lastLines(apt, 6)],
  });
});

Given('the service is running', async function (this: HarnessWorld) {
  const polled = this.readiness ? await this.readiness() : await waitUntilReady(this.currentHost, this.manifest, TIMEOUTS.serviceReady);
  const { unit, listening } = polled.fact.value;
  check(isReady(polled.fact.value), {
    expected: `${this.manifest.unit} active, listening on port ${this.manifest.api.port}, not restarted by systemd, within ${TIMEOUTS.serviceReady / 1000} s`,
    found:
      `after ${(polled.waitedMs / 1000).toFixed(1)} s: unit ${unit.activeState}/${unit.subState}, ` +
      `port ${this.manifest.api.port} ${listening ? 'listening' : 'not listening'}, restarted ${unit.restarts} times`,
    evidence: polled.fact.evidence,
  });
});
