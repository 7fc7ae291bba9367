import { Then } from '@cucumber/cucumber';
import { check, requireEnvironment } from '../support/checks/check';
import { isInstalled } from '../support/rules/install';
import { runsLatestStable } from '../support/rules/packaging';
import { packagePathInHost } from '../support/host/package-installer';
import { debianRelease } from '../support/probes/debian-archive';
import { lintian } from '../support/probes/lintian';
import { lintianCache } from '../support/probes/lintian-cache';
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
  const { consistent, held, audit } = health.value;
  const problems = [
    ...(apt.exitCode === 0 ? [] : [`apt-get install exited ${apt.exitCode}`]),
    ...(isInstalled(installed.value.status) ? [] : [`${this.manifest.package.name} is ${installed.value.status ?? 'not installed'}`]),
    ...(consistent ? [] : ['apt-get check reports broken dependencies']),
    ...(held.length === 0 ? [] : [`held: ${held.join(', ')}`]),
    ...(audit === '' ? [] : [`dpkg --audit: ${audit.split('\n')[0]}`]),
  ];
  check(problems.length === 0, {
    expected: `${this.manifest.package.name} installed by apt with no held, broken or half-installed package on the host`,
    found: problems.join('; '),
    evidence: [apt, ...installed.evidence, ...health.evidence],
  });
});

Then('lintian reports no error for the package', async function (this: HarnessWorld) {
  const cache = lintianCache({ packageSha256: this.parameters.package.sha256, hostImage: this.parameters.hostImage });
  const report = await lintian(this.currentHost, packagePathInHost(this.manifest.package.file), cache);
  const errors = report.value.tags.filter((t) => t.level === 'E');
  const warnings = report.value.tags.filter((t) => t.level === 'W');
  // Warnings are reported, not judged: the guidelines ask for a package Debian stable accepts.
  if (warnings.length > 0) this.log(`lintian warnings: ${warnings.map((w) => `${w.tag} ${w.context}`.trim()).join(', ')}`);
  check(report.value.ran && errors.length === 0, {
    expected: `lintian to report no error (E:) for ${this.manifest.package.file.split('/').pop()}`,
    found: report.value.ran ? `${errors.length} error(s): ${errors.map((e) => `${e.tag} ${e.context}`.trim()).join(', ')}` : 'lintian did not run (see its output)',
    evidence: report.evidence,
  });
});
