import { Then, When } from '@cucumber/cucumber';
import { check } from '../support/checks/check';
import { notSavedAsIs, realBackupNote, realBackupStanding, secretsOutside, TOKEN_HOLDERS_BY_DESIGN } from '../support/rules/backup';
import { backupMembersWithToken, compareWithBackup, makeDataBackup, WAZO_BACKUP_DROP_INS } from '../support/probes/backup';
import { realToolKnowledge } from '../support/probes/real-tool-lists';
import type { HarnessWorld } from '../support/runtime/world';

When('a data backup is made with wazo-backup', async function (this: HarnessWorld) {
  const backup = await makeDataBackup(this.currentHost);
  this.state.set('action', backup.evidence[0]);
  check(backup.value > 0, { expected: 'wazo-backup data FILE to make a non-empty FILE.tgz', found: `exit ${backup.evidence[0].exitCode}`, evidence: backup.evidence });
});

Then('the backup holds every config file the manifest lists, with the same content', async function (this: HarnessWorld) {
  const known = await realToolKnowledge(this.currentHost, 'wazo-backup', WAZO_BACKUP_DROP_INS);
  const standings = this.manifest.backup.map((path) => realBackupStanding(known.value, path));
  this.log(realBackupNote(standings, this.manifest.configDir, known.value));
  const compared = await compareWithBackup(this.currentHost, this.manifest.backup);
  const wrong = notSavedAsIs(compared.value);
  check(compared.value.length > 0 && wrong.length === 0, {
    expected: `the archive to hold every file under ${this.manifest.backup.join(', ')} (the manifest's backup list), byte for byte`,
    found: compared.value.length === 0 ? 'no file to compare' : wrong.map((c) => `${c.path}: ${c.state}`).join('; '),
    evidence: [this.state.get('action'), ...compared.evidence],
  });
});

Then('the backup holds the consul master token nowhere but where it belongs', async function (this: HarnessWorld) {
  const members = await backupMembersWithToken(this.currentHost);
  const outside = secretsOutside(members.value, this.manifest.backup);
  check(members.evidence[0].exitCode === 0 && outside.length === 0, {
    expected: `no copy of the consul master token in the archive except in ${[...TOKEN_HOLDERS_BY_DESIGN, ...this.manifest.backup].join(', ')}, and nothing of consul's state (/var/lib/consul/)`,
    found: outside.length > 0 ? `the token is in ${outside.join(', ')}` : `search failed (exit ${members.evidence[0].exitCode})`,
    evidence: members.evidence,
  });
});
