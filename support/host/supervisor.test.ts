import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeShell } from '../../test/fake-shell';
import type { Evidence } from '../probes/evidence';
import { supervisorFor, type BootedShell } from './supervisor';

const monit = supervisorFor({ supervisor: 'monit', unit: 'wazo-foo.service', units: [], name: 'wazo-foo' }, 0);
const systemd = supervisorFor({ supervisor: 'systemd', unit: 'wazo-foo.service', units: [], name: 'wazo-foo' }, 0);

const MONITORED = "Monit 5.34.3 uptime: 0m\n\nProcess 'wazo-foo'\n  status                       OK\n  monitoring status            Monitored\n";
const commands = (evidence: Evidence[]) => evidence.map((e) => e.command);

test('the manifest chooses the supervisor', () => {
  assert.equal(monit.name, 'monit');
  assert.equal(systemd.name, 'systemd');
});

test('monit watches the service once monit status lists its check as monitored', async () => {
  const watched = await monit.watches(fakeShell({ 'monit status wazo-foo': { stdout: MONITORED } }));
  assert.equal(watched.holds, true);
  const unknown = await monit.watches(fakeShell({ 'monit status wazo-foo': { exitCode: 1, stdout: "Cannot find 'wazo-foo'" } }));
  assert.equal(unknown.holds, false);
  assert.equal(unknown.expected, "monit status to list a monitored check 'wazo-foo' within 0 s");
  assert.match(unknown.found, /^no check named 'wazo-foo' after \d+\.\d s$/);
});

test('systemd watches the service when its Restart= restarts a killed daemon', async () => {
  const restart = (policy: string) => fakeShell({ 'systemctl show --property=Restart --value wazo-foo.service': { stdout: `${policy}\n` } });
  assert.equal((await systemd.watches(restart('on-failure'))).holds, true);
  const no = await systemd.watches(restart('no'));
  assert.deepEqual([no.holds, no.found], [false, 'Restart=no']);
  assert.match(no.expected, /Restart= on-failure or on-abnormal or always \(the manifest says systemd supervises it\)$/);
});

test('disabling at boot: the unit, and monit too when monit supervises it', async () => {
  const shell = fakeShell({});
  assert.deepEqual(commands(await monit.disableAtBoot(shell)), ['systemctl disable wazo-foo.service', 'systemctl disable monit.service']);
  assert.deepEqual(commands(await systemd.disableAtBoot(shell)), ['systemctl disable wazo-foo.service']);
  // A socket-activated service: its socket is what the boot starts (the service unit is static).
  const socketActivated = supervisorFor({ supervisor: 'systemd', unit: 'wazo-sock.service', units: [{ unit: 'wazo-sock.socket', role: 'activation' }, { unit: 'wazo-sock-cleanup.timer', role: 'timer' }], name: 'wazo-sock' }, 0);
  assert.deepEqual(commands(await socketActivated.disableAtBoot(shell)), ['systemctl disable wazo-sock.socket']);
});

test('each supervisor takes over alone and reads back that the other is off', async () => {
  assert.match((await monit.leaveOnlyItself(fakeShell({}))).command, /^sh -c mkdir -p \/run\/systemd\/system\/wazo-foo\.service\.d && printf .*Restart=no.* && systemctl daemon-reload$/);
  assert.equal((await systemd.leaveOnlyItself(fakeShell({}))).command, 'systemctl stop monit.service');
  // And each gives back what it changed, for the scenarios after it on the shared host.
  assert.deepEqual(monit.undoLeaveOnlyItself.command, ['sh', '-c', 'rm -f /run/systemd/system/wazo-foo.service.d/zz-acceptance-no-restart.conf && systemctl daemon-reload']);
  assert.deepEqual(systemd.undoLeaveOnlyItself.command, ['systemctl', 'start', 'monit.service']);

  const restartNo = fakeShell({ 'systemctl show --property=Restart --value wazo-foo.service': { stdout: 'no\n' } });
  assert.deepEqual(await monit.otherOff(restartNo).then(({ off, found }) => ({ off, found })), { off: true, found: "systemd's Restart=no" });
  const monitActive = fakeShell({ 'systemctl show --property=ActiveState,SubState,UnitFileState,MainPID,NRestarts monit.service': { stdout: 'ActiveState=active\n' } });
  assert.deepEqual(await systemd.otherOff(monitActive).then(({ off, found }) => ({ off, found })), { off: false, found: 'monit.service active' });
});

test("the proofs the messages name are each supervisor's own", () => {
  assert.equal(monit.aloneWhen, "systemd's Restart=no");
  assert.equal(systemd.aloneWhen, 'monit.service stopped');
  assert.equal(monit.restartProof, "monit's log saying it started 'wazo-foo', systemd's restart count unchanged");
  assert.equal(systemd.restartProof, "systemd's restart count going up, monit's log silent about 'wazo-foo'");
});

test("monit's log since the boot, to the millisecond, is its record of what it started; systemd keeps none apart", async () => {
  const host: BootedShell = {
    ...fakeShell({ 'journalctl --no-pager --output=cat --identifier=monit --since=@1700000000.500': { stdout: "'wazo-foo' start: '/usr/bin/wazo-foo'\n" } }),
    startedAt: async () => new Date(1_700_000_000_500),
  };
  assert.deepEqual(commands(await monit.startsSinceBoot(host)), ['journalctl --no-pager --output=cat --identifier=monit --since=@1700000000.500']);
  assert.deepEqual(await systemd.startsSinceBoot(host), []);
});
