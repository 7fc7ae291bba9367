// The dpkg check shared by the install and the upgrade steps (not a step file: cucumber loads *.steps.ts).
import { check } from '../support/checks/check';
import { isInstalled } from '../support/rules/install';
import type { Evidence } from '../support/probes/evidence';
import { packageStatus, sameDebianVersion } from '../support/probes/packages';
import type { HarnessWorld } from '../support/runtime/world';

/** dpkg reports the manifest's package installed (or held: the packaging check judges holds) at its version. */
export async function checkInstalledAtManifestVersion(world: HarnessWorld, when: string, context: Evidence[] = []): Promise<void> {
  const { name, version } = world.manifest.package;
  const installed = await packageStatus(world.currentHost, name);
  const found = installed.value.version;
  const same = found === undefined ? undefined : await sameDebianVersion(world.currentHost, found, version);
  check(isInstalled(installed.value.status) && same?.value === true, {
    expected: `dpkg to report ${name} "install ok installed" (or held: the packaging check judges holds) at version ${version} ${when}`,
    found: installed.value.status ? `"${installed.value.status}" at version ${found}` : 'not installed',
    evidence: [...context, ...installed.evidence, ...(same?.evidence ?? [])],
  });
}
