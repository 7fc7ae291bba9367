import { Then } from '@cucumber/cucumber';
import { check, requireEnvironment } from '../support/checks/check';
import { installProblems, lintianFindings, runsLatestStable } from '../support/rules/packaging';
import { packagePathInHost } from '../support/host/package-installer';
import { debianRelease } from '../support/probes/debian-archive';
import { lintian } from '../support/probes/lintian';
import { evidenceCache } from '../support/probes/evidence-cache';
import { packageHealth, packageStatus } from '../support/probes/packages';
import type { HarnessWorld } from '../support/runtime/world';

Then('the host runs the latest Debian stable', async function (this: HarnessWorld) {
  const release = await debianRelease(this.currentHost);
  const { codename, stable } = release.value;
  // The host, not the package, is judged here: a host of another release cannot answer (ENVIRONMENT).
  requireEnvironment(runsLatestStable(release.value), {
    expected: `the host to run the release Debian's archive calls stable${stable ? ` (${stable})` : ''}: the package is judged there`,
    found: `the host runs ${codename || '(unknown)'}${stable ? '' : ", and its apt lists name no stable release (run with --debian trixie)"}`,
    evidence: release.evidence,
  });
});

Then('the package is installed with no held or broken packages', async function (this: HarnessWorld) {
  const { apt } = this.state.get('installation');
  const [installed, health] = await Promise.all([packageStatus(this.currentHost, this.manifest.package.name), packageHealth(this.currentHost)]);
  const problems = installProblems(this.manifest.package.name, apt.exitCode, installed.value.status, health.value);
  check(problems.length === 0, {
    expected: `${this.manifest.package.name} installed by apt with no held, broken or half-installed package on the host`,
    found: problems.join('; '),
    evidence: [apt, ...installed.evidence, ...health.evidence],
  });
});

Then('lintian reports no error for the package', async function (this: HarnessWorld) {
  const cache = evidenceCache({ tool: 'lintian', sha256: this.parameters.package.sha256, digestOf: '', hostImage: this.parameters.hostImage });
  const report = await lintian(this.currentHost, packagePathInHost(this.manifest.package.file), cache);
  const { errors, warnings } = lintianFindings(report.value.tags);
  if (warnings.length > 0) this.log(`lintian warnings: ${warnings.map((w) => `${w.tag} ${w.context}`.trim()).join(', ')}`);
  check(report.value.ran && errors.length === 0, {
    expected: `lintian to report no error (E:) for ${this.manifest.package.file.split('/').pop()}`,
    found: report.value.ran ? `${errors.length} error(s): ${errors.map((e) => `${e.tag} ${e.context}`.trim()).join(', ')}` : 'lintian did not run (see its output)',
    evidence: report.evidence,
  });
});
