import { Given } from '@cucumber/cucumber';
import { applicableOnlyWith } from '../support/checks/applicability';
import { check } from '../support/checks/check';
import { systemctl } from '../support/host/service-control';
import { describeReadiness, isReady, STABLE_PID_MS } from '../support/host/service-readiness';
import { MONIT_STARTED_AGAIN, MONIT_UNIT } from '../support/host/supervisor';
import { journalReasons } from '../support/runtime/unit-journal-reasons';
import { lastLines } from '../support/probes/evidence';
import { hostPool } from '../support/runtime/hooks';
import type { InstalledHost } from '../support/runtime/host-pool';
import { SHARED_HOST_LAST } from '../support/runtime/shared-host-schedule';
import { seconds } from '../support/poll';
import { serviceWaits } from '../support/runtime/service-waits';
import type { HarnessWorld } from '../support/runtime/world';

function useInstalledHost(world: HarnessWorld, { host, installation, readiness }: InstalledHost): void {
  world.state.set('host', host);
  world.state.set('installation', installation);
  world.state.set('readiness', readiness);
}

Given('the service package has been installed on a fresh Wazo host', async function (this: HarnessWorld) {
  useInstalledHost(this, await hostPool().installed(this.manifest));
});

function checkInstalled(world: HarnessWorld): void {
  const { apt } = world.state.get('installation');
  check(apt.exitCode === 0, {
    expected: `${world.manifest.package.name} to install (a precondition of this scenario; see the @install feature)`,
    found: `apt-get exited ${apt.exitCode}`,
    evidence: [lastLines(apt, 6)],
  });
}

async function useSharedHost(this: HarnessWorld): Promise<void> {
  useInstalledHost(this, await hostPool().installed(this.manifest));
  checkInstalled(this);
}

Given('the service is installed on a Wazo host', useSharedHost);

/** For scenarios that change the host (stop, reboot, upgrade...): a fresh one with one of the service's packages, removed after the scenario. */
async function useOwnHost(world: HarnessWorld, role: string, debFile: string): Promise<void> {
  useInstalledHost(world, await hostPool().freshInstalled(role, debFile, world.manifest));
  world.state.set('ownsHost', true);
  checkInstalled(world);
}

/**
 * For scenarios that stop and start the service but leave the host whole: after every reader,
 * alone (support/runtime/shared-host-schedule.ts). When a scenario before it did not pass on
 * the shared host, or left it changed, a host of its own instead: the same verdict either way.
 */
Given(SHARED_HOST_LAST, async function (this: HarnessWorld) {
  const placed = await hostPool().sharedAfterReaders(this.manifest);
  if ('unfit' in placed) {
    this.log(`on a host of its own: the shared host ${placed.unfit}`);
    return useOwnHost(this, 'own', this.manifest.package.file);
  }
  useInstalledHost(this, placed.shared);
  checkInstalled(this);
});

Given('the service is installed on a Wazo host of its own', async function (this: HarnessWorld) {
  await useOwnHost(this, 'own', this.manifest.package.file);
});

Given('the previous version of the service is installed on a Wazo host of its own', async function (this: HarnessWorld) {
  const previous = applicableOnlyWith(this.manifest.package.previous, 'package.previous');
  await useOwnHost(this, 'previous', previous.file);
});

/** monit restarts a monitored service within its cycle: a scenario that stops the service itself stops monit first. */
Given("monit is stopped, so that it does not undo the scenario's stops", async function (this: HarnessWorld) {
  const evidence = await systemctl(this.currentHost, 'stop', MONIT_UNIT);
  this.state.undoAfter(MONIT_STARTED_AGAIN);
  check(evidence.exitCode === 0, { expected: `systemctl stop ${MONIT_UNIT} to succeed`, found: `exit ${evidence.exitCode}`, evidence: [evidence] });
});

Given('the service is running', async function (this: HarnessWorld) {
  // The host's own wait when it has one (the shared host's is waited once), else this one: both have the ready bound.
  const ready = serviceWaits.ready(this.manifest);
  const readiness = this.state.find('readiness') ?? (() => ready.waitUntilReady(this.currentHost));
  const polled = await readiness();
  const why = isReady(polled.fact.value) ? { said: '', evidence: [] } : await journalReasons(this.currentHost, [this.manifest.unit]);
  const port = this.manifest.api?.port;
  check(isReady(polled.fact.value), {
    expected: `${this.manifest.unit} active, its main PID the same for ${seconds(STABLE_PID_MS)}, ${port === undefined ? 'no API port to listen on (api is none)' : `listening on port ${port}`}, within ${ready.boundMs / 1000} s`,
    found: `after ${seconds(polled.waitedMs)}: ${describeReadiness(polled.fact.value, port)}${why.said}`,
    evidence: [...polled.fact.evidence, ...why.evidence],
  });
});
