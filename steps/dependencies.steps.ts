import { Then } from '@cucumber/cucumber';
import { check } from '../support/checks/check';
import { debianPackageFor, mismatchTable, pinMismatches } from '../support/checks/dependency-rules';
import { readRequirementsFile } from '../support/configuration/requirements-file';
import { packagePathInHost } from '../support/host/package-installer';
import { candidateVersions, debianStableView, simulateInstall } from '../support/probes/debian-archive';
import type { HarnessWorld } from '../support/runtime/world';

Then('every requirement of the service is pinned to the version Debian stable carries', async function (this: HarnessWorld): Promise<'skipped' | void> {
  const declared = this.manifest.requirements;
  if (!declared) return 'skipped';
  const requirements = readRequirementsFile(declared.file);
  const view = await debianStableView(this.currentHost, this.manifest.package.repositories);
  const packages = requirements.value.map((r) => debianPackageFor(r.name, declared.names));
  const candidates = await candidateVersions(this.currentHost, view.value, packages);
  const mismatches = pinMismatches(requirements.value, declared.names, candidates.value);
  check(mismatches.length === 0, {
    expected: `every requirement pinned (==) to the upstream version of its Debian package in ${view.value.sources.join(', ')}`,
    found: `${mismatches.length} requirement(s) differ:\n${mismatchTable(mismatches).replace(/^/gm, '          ')}`,
    evidence: [...requirements.evidence, ...view.evidence, ...candidates.evidence],
  });
});

Then("every dependency of the package can be installed from Debian stable and the manifest's repositories alone", async function (this: HarnessWorld) {
  const view = await debianStableView(this.currentHost, this.manifest.package.repositories);
  const simulated = await simulateInstall(this.currentHost, view.value, packagePathInHost(this.manifest.package.file));
  check(simulated.value.installable, {
    expected: `apt to resolve every Depends of ${this.manifest.package.name} from ${view.value.sources.join(', ')} alone, with nothing installed`,
    found: simulated.value.unmet.length > 0 ? `unmet dependencies: ${simulated.value.unmet.join(' ')}` : 'apt could not resolve the dependencies (see its output)',
    evidence: [...view.evidence, ...simulated.evidence],
  });
});
