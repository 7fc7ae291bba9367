import { Then } from '@cucumber/cucumber';
import { check } from '../support/checks/check';
import { packageStatus } from '../support/probes/packages';
import { failedUnits, unitState } from '../support/probes/units';
import type { HarnessWorld } from '../support/runtime/world';

Then('the installation succeeds', function (this: HarnessWorld) {
  const { apt } = this.installation!;
  check(apt.exitCode === 0, {
    expected: `apt-get install of ${this.manifest.package.file} to exit 0`,
    found: `exit ${apt.exitCode}`,
    evidence: [apt],
  });
});

Then('the installed package is the one the manifest names, at its version', async function (this: HarnessWorld) {
  const { control } = this.installation!;
  const expected = `${this.manifest.package.name} ${this.manifest.package.version}`;
  check(control.stdout.trim() === expected, {
    expected: `the .deb to be package ${expected}`,
    found: control.exitCode === 0 ? control.stdout.trim() : 'not a readable .deb',
    evidence: [control],
  });
  const installed = await packageStatus(this.currentHost, this.manifest.package.name);
  check(installed.value.status === 'install ok installed' && installed.value.version === this.manifest.package.version, {
    expected: `dpkg to report ${this.manifest.package.name} "install ok installed" at version ${this.manifest.package.version}`,
    found: installed.value.status ? `"${installed.value.status}" at version ${installed.value.version}` : 'not installed',
    evidence: installed.evidence,
  });
});

Then('the service unit is enabled', async function (this: HarnessWorld) {
  const state = await unitState(this.currentHost, this.manifest.unit);
  check(state.value.unitFileState === 'enabled', {
    expected: `${this.manifest.unit} enabled (started at boot)`,
    found: state.value.unitFileState,
    evidence: state.evidence,
  });
});

Then('no unit of the host is failed', async function (this: HarnessWorld) {
  const failed = await failedUnits(this.currentHost);
  check(failed.value.length === 0, {
    expected: 'no failed unit on the host after the installation',
    found: `failed: ${failed.value.join(', ')}`,
    evidence: failed.evidence,
  });
});
