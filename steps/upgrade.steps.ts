import { Given, Then, When } from '@cucumber/cucumber';
import { LOG_FILE_IS_JOURNAL, logsToJournal } from '../support/checks/applicability';
import { check } from '../support/checks/check';
import { checkInstalledAtManifestVersion } from './installed-version';
import { adminSettingFile, enableHost, makeSlave, wazoUpgrade } from '../support/host/lifecycle';
import { changedFacts, serviceUserFacts } from '../support/probes/service-user-facts';
import { unitProcesses } from '../support/probes/processes';
import { unitState } from '../support/probes/units';
import { inDeclaredState, runState } from '../support/rules/upgrade';
import { serviceWaits } from '../support/runtime/service-waits';
import type { HarnessWorld } from '../support/runtime/world';

/** The @user facts of the service now; its log file left out when it logs to the journal. */
function userFactsNow(world: HarnessWorld): ReturnType<typeof serviceUserFacts> {
  const { user, unit, logFile, pidFile } = world.manifest;
  return serviceUserFacts(world.currentHost, { user, unit, logFile: logsToJournal(world.manifest) ? undefined : logFile, pidFile });
}

/**
 * The administrator's setting is the harness's own set-up: a package that ships no conf.d
 * directory gives it nowhere to go, which is not the package's failure. The step and the
 * later check then pass with a note; they never return 'skipped', which would make cucumber
 * skip the rest of the upgrade scenario.
 */
Given("the administrator has added a setting in the service's conf.d directory", async function (this: HarnessWorld) {
  const { dir, path, content } = adminSettingFile(this.manifest);
  const present = await this.currentHost.run(['test', '-d', dir]);
  if (present.exitCode !== 0) {
    const note = `not checked: the package ships no ${dir} directory, so there is no conf.d setting to keep`;
    this.state.set('adminSettingNotApplicable', note);
    this.log(note);
    return;
  }
  const written = await this.currentHost.sh(`printf '%s' '${content}' > ${path} && cat ${path}`);
  check(written.exitCode === 0, { expected: `to write ${path}`, found: `exit ${written.exitCode}`, evidence: [written] });
});

Given('the host is a slave: its Wazo services are disabled', async function (this: HarnessWorld) {
  const evidence = await makeSlave(this.currentHost);
  check(evidence.every((e) => e.exitCode === 0), { expected: 'wazo-service disable and restart to succeed', found: evidence.map((e) => `exit ${e.exitCode}`).join(', '), evidence });
});

When("the host is upgraded with wazo-upgrade to the service's new version", async function (this: HarnessWorld) {
  this.state.set('userFacts', await userFactsNow(this));
  this.state.set('action', await wazoUpgrade(this.currentHost, this.manifest.package.file, this.manifest.package.name));
});

When('the host is enabled again with wazo-service', async function (this: HarnessWorld) {
  const evidence = await enableHost(this.currentHost);
  this.state.set('action', evidence[evidence.length - 1]);
});

// One step: an upgrade that exits 0 without installing the new version did not upgrade.
Then("wazo-upgrade succeeds and installs the manifest's new version", async function (this: HarnessWorld) {
  const upgrade = this.state.get('action');
  check(upgrade.exitCode === 0, { expected: 'wazo-upgrade -f to exit 0', found: `exit ${upgrade.exitCode}`, evidence: [upgrade] });
  await checkInstalledAtManifestVersion(this, 'after wazo-upgrade', [upgrade]);
});

Then('the service user and permissions are as before the upgrade', async function (this: HarnessWorld) {
  const before = this.state.get('userFacts');
  const after = await userFactsNow(this);
  const changed = changedFacts(before.value, after.value);
  // Part of the check: noted, and the rest is still judged.
  const journal = logsToJournal(this.manifest);
  if (journal) this.log(LOG_FILE_IS_JOURNAL);
  check(changed.length === 0, {
    expected: `the service user, its groups, the users of the processes and the permissions of ${journal ? '' : 'its log file and '}PID directory unchanged by the upgrade`,
    found: changed.join('; '),
    evidence: after.evidence,
  });
});

Then("the administrator's setting is still in the service's conf.d directory", async function (this: HarnessWorld) {
  const note = this.state.find('adminSettingNotApplicable');
  if (note) {
    this.log(note);
    return;
  }
  const { path, content } = adminSettingFile(this.manifest);
  const read = await this.currentHost.run(['cat', path]);
  check(read.exitCode === 0 && read.stdout === content, {
    expected: `${path}, added by the administrator before the upgrade, kept as it was`,
    found: read.exitCode !== 0 ? 'the file is gone' : 'its content changed',
    evidence: [this.state.get('action'), read],
  });
});

Then('the service is in the state the manifest declares for a slave after an upgrade', async function (this: HarnessWorld) {
  const declared = this.manifest.slave.stateAfterUpgrade;
  // A service that must run gets the bounded time to start; one that must stay stopped is read at once.
  const state =
    declared === 'running'
      ? await serviceWaits.ready(this.manifest).waitUntilReady(this.currentHost).then(({ fact }) => ({ value: fact.value.unit, evidence: fact.evidence }))
      : await unitState(this.currentHost, this.manifest.unit);
  const processes = await unitProcesses(this.currentHost, this.manifest.unit);
  const found = runState(state.value);
  check(inDeclaredState(declared, found, processes.value.length), {
    expected: `${this.manifest.unit} ${declared} after wazo-upgrade on a slave (/var/lib/wazo/disabled present), as the manifest's slave.stateAfterUpgrade says`,
    found: `${found} (${state.value.activeState}/${state.value.subState}, ${processes.value.length} process(es))`,
    evidence: [this.state.get('action'), ...state.evidence, ...processes.evidence],
  });
});
