import { Then } from '@cucumber/cucumber';
import { dirname } from 'node:path';
import { applicableOnlyWith, logsToJournal } from '../support/checks/applicability';
import { check } from '../support/checks/check';
import { CONSUL_GROUP, journalLogVerdict, readsDefaultConsulConfig } from '../support/rules/permissions';
import { homeIsAllowed, isRoot, NO_LOGIN_SHELLS, processesNotRunningAs, refusesLogin } from '../support/rules/user';
import { pathInfo, writableBy } from '../support/probes/files';
import { journalSince, unitJournalEntries } from '../support/probes/journal';
import { pollFact } from '../support/probes/poll';
import { unitProcesses } from '../support/probes/processes';
import type { Fact } from '../support/probes/evidence';
import { groupsOf, passwdEntry, type PasswdEntry } from '../support/probes/users';
import { TIMEOUTS } from '../support/runtime/timeouts';
import type { HarnessWorld } from '../support/runtime/world';
import { pidFileOrigin } from '../support/configuration/pid-file-from-unit';

/** The service user's passwd entry; every user check starts from it, so its absence fails them all. */
async function serviceUserEntry(world: HarnessWorld): Promise<Fact<PasswdEntry>> {
  const entry = await passwdEntry(world.currentHost, world.manifest.user);
  check(entry.value !== undefined, {
    expected: `a user ${world.manifest.user} (the manifest's user)`,
    found: 'no such user',
    evidence: entry.evidence,
  });
  return entry as Fact<PasswdEntry>;
}

async function serviceUser(world: HarnessWorld): Promise<PasswdEntry> {
  return (await serviceUserEntry(world)).value;
}

Then('the service user is not root', async function (this: HarnessWorld) {
  const entry = await serviceUserEntry(this);
  check(!isRoot(entry.value), {
    expected: `user ${entry.value.name} to have a uid other than 0`,
    found: 'uid 0 (root)',
    evidence: entry.evidence,
  });
});

Then('every process of the service runs as the service user', async function (this: HarnessWorld) {
  const user = await serviceUser(this);
  const processes = await unitProcesses(this.currentHost, this.manifest.unit);
  const others = processesNotRunningAs(processes.value, user.uid);
  check(processes.value.length > 0 && others.length === 0, {
    expected: `every process of ${this.manifest.unit} to run as ${user.name} (uid ${user.uid}), none as root`,
    found:
      processes.value.length === 0
        ? 'no process in the unit'
        : others.map((p) => `pid ${p.pid} runs as ${p.user} (uid ${p.uid}): ${p.command}`).join('; '),
    evidence: processes.evidence,
  });
});

Then('the service user cannot log in to a shell', async function (this: HarnessWorld) {
  const entry = await serviceUserEntry(this);
  const user = entry.value;
  check(refusesLogin(user), {
    expected: `user ${user.name} to have a shell that refuses logins (${NO_LOGIN_SHELLS.join(', ')})`,
    found: user.shell || '(empty: /bin/sh)',
    evidence: entry.evidence,
  });
});

Then('the service user has no home under \\/home', async function (this: HarnessWorld) {
  const entry = await serviceUserEntry(this);
  const user = entry.value;
  const underHome = await pathInfo(this.currentHost, `/home/${user.name}`);
  check(homeIsAllowed(user) && !underHome.value.exists, {
    expected: `user ${user.name} to have its home under /var/lib (or none), and no /home/${user.name}`,
    found: `home ${user.home}; /home/${user.name} ${underHome.value.exists ? 'exists' : 'does not exist'}`,
    evidence: [...entry.evidence, ...underHome.evidence],
  });
});

/** logFile: journal: the service user's log is the unit's journal entries written with its uid. */
async function checkJournalLog(world: HarnessWorld, user: PasswdEntry): Promise<void> {
  const { unit } = world.manifest;
  // The daemon logs as it starts; journald may store its lines a moment after.
  const bootedAt = await world.currentHost.startedAt();
  const { fact } = await pollFact(() => unitJournalEntries(world.currentHost, unit, bootedAt), (entries) => journalLogVerdict(entries, user.uid).written, TIMEOUTS.journalEntry);
  const verdict = journalLogVerdict(fact.value, user.uid);
  check(verdict.written, {
    expected: `the journal to hold entries of ${unit} since the boot written by a process running as ${user.name} (uid ${user.uid}): logFile is journal`,
    found: verdict.found,
    evidence: fact.evidence,
  });
  world.log(`logFile is journal: ${verdict.own.length} entries of ${unit} written as ${user.name} since the boot (journalctl ${journalSince(bootedAt)} --unit ${unit} _UID=${user.uid}); ${verdict.found}`);
}

Then('the service user can write the log file', async function (this: HarnessWorld) {
  const user = await serviceUser(this);
  if (logsToJournal(this.manifest)) return checkJournalLog(this, user);
  const log = this.manifest.logFile;
  const [info, writable] = await Promise.all([pathInfo(this.currentHost, log), writableBy(this.currentHost, log, user.name)]);
  check(info.value.exists && writable.value, {
    expected: `${log} to exist and be writable by ${user.name}`,
    found: info.value.exists ? `${info.value.type} owned by ${info.value.owner}:${info.value.group}, mode ${info.value.mode}, not writable by ${user.name}` : 'no such file',
    evidence: [...info.evidence, ...writable.evidence],
  });
});

Then('the service user can write the PID file and its directory', async function (this: HarnessWorld) {
  const pidFile = applicableOnlyWith(this.manifest.pidFile, 'pidFile');
  const origin = pidFileOrigin(this.manifest);
  if (origin) this.log(origin);
  const user = await serviceUser(this);
  const directory = dirname(pidFile);
  // The daemon writes its PID file once ready; give it the bounded time to appear.
  const appeared = await pollFact(() => pathInfo(this.currentHost, pidFile), (i) => i.exists, TIMEOUTS.pidFile);
  const [dirInfo, dirWritable, fileWritable] = await Promise.all([
    pathInfo(this.currentHost, directory),
    writableBy(this.currentHost, directory, user.name),
    writableBy(this.currentHost, pidFile, user.name),
  ]);
  check(appeared.fact.value.exists && dirWritable.value && fileWritable.value, {
    expected: `${user.name} to be able to write ${pidFile} and its directory ${directory}`,
    found: [
      `directory ${directory}: ${dirInfo.value.exists ? `owned by ${dirInfo.value.owner}:${dirInfo.value.group}, mode ${dirInfo.value.mode}, ${dirWritable.value ? 'writable' : 'not writable'}` : 'missing'}`,
      `PID file: ${appeared.fact.value.exists ? (fileWritable.value ? 'writable' : 'not writable') : `not written within ${TIMEOUTS.pidFile / 1000} s`}`,
    ].join('; '),
    evidence: [...appeared.fact.evidence, ...dirInfo.evidence, ...dirWritable.evidence, ...fileWritable.evidence],
  });
});

Then('the service user is in the consul group when the service reads the default consul config', async function (this: HarnessWorld) {
  const user = await serviceUser(this);
  const groups = await groupsOf(this.currentHost, user.name);
  check(readsDefaultConsulConfig(groups.value), {
    expected: `${user.name} in group ${CONSUL_GROUP} (the manifest says it reads the default consul config)`,
    found: `groups: ${groups.value.join(' ') || '(none)'}`,
    evidence: groups.evidence,
  });
});
