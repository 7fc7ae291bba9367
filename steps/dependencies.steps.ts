import { Then } from '@cucumber/cucumber';
import { applicableOnlyWith } from '../support/checks/applicability';
import { check, requireEnvironment } from '../support/checks/check';
import { debianPackageFor, mismatchTable, pinMismatches } from '../support/rules/dependencies';
import { readRequirementsFile } from '../support/configuration/requirements-file';
import { packagePathInHost, repositoriesKeyInHost } from '../support/host/package-installer';
import { candidateVersions, debianStableView, simulateInstall, type DebianStableView } from '../support/probes/debian-archive';
import type { Fact } from '../support/probes/evidence';
import { evidenceCache } from '../support/probes/evidence-cache';
import type { HarnessWorld } from '../support/runtime/world';

/**
 * The host's Debian-stable-only apt view. It is the harness's set-up, from the host image and
 * the manifest's repositories (an unreachable one, or one its key does not sign): a view that
 * cannot be made ends the check ENVIRONMENT, never a finding about the package.
 */
async function stableView(world: HarnessWorld): Promise<Fact<DebianStableView>> {
  const { repositories, signedBy } = world.manifest.package;
  const keyring = signedBy === undefined ? undefined : await repositoriesKeyInHost(world.currentHost, signedBy);
  const view = await debianStableView(world.currentHost, repositories, keyring);
  const failed = view.evidence.find((e) => e.exitCode !== 0);
  requireEnvironment(failed === undefined && view.value.sources.length > 0, {
    expected: "apt in the host to list the Debian archives of the host's release (and the manifest's repositories)",
    found: failed ? `${failed.command.split(' ')[0]} exited ${failed.exitCode}` : 'no Debian archive of the host release in its apt lists',
    evidence: view.evidence,
  });
  return view;
}

Then('every requirement of the service is pinned to the version Debian stable carries', async function (this: HarnessWorld) {
  const declared = applicableOnlyWith(this.manifest.requirements, 'requirements');
  const requirements = readRequirementsFile(declared.file);
  const view = await stableView(this);
  const packages = requirements.value.map((r) => debianPackageFor(r.name, declared.names));
  const candidates = await candidateVersions(this.currentHost, view.value, packages);
  const mismatches = pinMismatches(requirements.value, declared.names, candidates.value);
  check(candidates.evidence[0].exitCode === 0 && mismatches.length === 0, {
    expected: `every requirement pinned (==) to the upstream version of its Debian package in ${view.value.sources.join(', ')}`,
    found: candidates.evidence[0].exitCode !== 0 ? `apt-cache policy exited ${candidates.evidence[0].exitCode}` : `${mismatches.length} requirement(s) differ:\n${mismatchTable(mismatches).replace(/^/gm, '          ')}`,
    evidence: [...requirements.evidence, ...view.evidence, ...candidates.evidence],
  });
});

Then("every dependency of the package can be installed from Debian stable and the manifest's repositories alone", async function (this: HarnessWorld) {
  const view = await stableView(this);
  const cache = (sha256: string) => evidenceCache({ tool: 'debian-view', sha256, digestOf: "of the package's control fields", hostImage: this.parameters.hostImage });
  const simulated = await simulateInstall(this.currentHost, view.value, packagePathInHost(this.manifest.package.file), cache);
  check(simulated.value.installable, {
    expected: `apt to resolve every Depends of ${this.manifest.package.name} from ${view.value.sources.join(', ')} alone, on a Debian base system (none of the Wazo host's packages installed)`,
    found: simulated.value.unmet.length > 0 ? `unmet dependencies: ${simulated.value.unmet.join(' ')}` : 'apt could not resolve the dependencies (see its output)',
    evidence: [...view.evidence, ...simulated.evidence],
  });
});
