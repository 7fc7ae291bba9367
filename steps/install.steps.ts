import { Then } from '@cucumber/cucumber';
import { check } from '../support/checks/check';
import { activationSocket, unitsStartedAtBoot } from '../support/configuration/manifest';
import { PLATFORM_UNITS, platformUnits } from '../support/host/platform-units';
import { dependencyLayerRecord } from '../support/probes/packages';
import { failedUnits, unitState, unitStatus } from '../support/probes/units';
import { journalReasons } from '../support/runtime/unit-journal-reasons';
import type { HarnessWorld } from '../support/runtime/world';
import { checkInstalledAtManifestVersion } from './installed-version';

Then('the installation succeeds', async function (this: HarnessWorld) {
  const { apt } = this.state.get('installation');
  const layer = await dependencyLayerRecord(this.currentHost);
  check(apt.exitCode === 0, {
    expected: `apt-get install of ${this.manifest.package.file} to exit 0`,
    found: `exit ${apt.exitCode}`,
    evidence: [apt, ...layer.evidence],
  });
  const { value } = layer;
  if (value) this.log(`dependencies from Debian, installed before the package as apt installs them (recipes/dependencies): ${value.satisfies} -> ${value.installed.join(' ') || 'nothing new'}`);
});

Then('the installed package is the one the manifest names, at its version', async function (this: HarnessWorld) {
  const { control } = this.state.get('installation');
  const expected = `${this.manifest.package.name} ${this.manifest.package.version}`;
  check(control.stdout.trim() === expected, {
    expected: `the .deb to be package ${expected}`,
    found: control.exitCode === 0 ? control.stdout.trim() : 'not a readable .deb',
    evidence: [control],
  });
  await checkInstalledAtManifestVersion(this, 'after the installation');
});

// The units the boot starts: the service's, or its activation socket (the service is then static), and its timers.
Then('the service unit is enabled', async function (this: HarnessWorld) {
  const units = unitsStartedAtBoot(this.manifest);
  const states = await Promise.all(units.map((unit) => unitState(this.currentHost, unit)));
  const notEnabled = units.flatMap((unit, i) => (states[i].value.unitFileState === 'enabled' ? [] : [`${unit} ${states[i].value.unitFileState}`]));
  const socket = activationSocket(this.manifest);
  if (socket && notEnabled.length === 0) this.log(`${this.manifest.unit} is started by ${socket}: the socket is enabled, not the service`);
  check(notEnabled.length === 0, {
    expected: `${units.join(', ')} enabled (started at boot)`,
    found: notEnabled.join(', '),
    evidence: states.flatMap((s) => s.evidence),
  });
});

Then('no unit of the host is failed', async function (this: HarnessWorld) {
  const failed = await failedUnits(this.currentHost);
  const why = await journalReasons(this.currentHost, failed.value);
  check(failed.value.length === 0, {
    expected: 'no failed unit on the host after the installation',
    found: `failed: ${failed.value.join(', ')}${why.said}`,
    evidence: [...failed.evidence, ...why.evidence],
  });
});

Then("the host's own services \\(consul, nginx, monit) are still running", async function (this: HarnessWorld) {
  const { states, down } = await platformUnits(this.currentHost);
  const units = down.map(({ unit }) => unit);
  const [statuses, why] = await Promise.all([Promise.all(units.map((unit) => unitStatus(this.currentHost, unit))), journalReasons(this.currentHost, units)]);
  check(down.length === 0, {
    expected: `${PLATFORM_UNITS.join(', ')} active after the installation`,
    found: down.map(({ unit, state }) => `${unit} ${state.value.activeState}/${state.value.subState}`).join(', ') + why.said,
    evidence: [...states.flatMap(({ state }) => state.evidence), ...statuses, ...why.evidence],
  });
});
