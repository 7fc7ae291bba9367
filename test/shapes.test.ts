// Services shaped unlike wazo-foo (examples/shapes/<shape>/SHAPE) must pass: every branch of
// the verdict logic their manifest takes (systemd supervision, no consul, no wazo-service, no
// backup, no conf.d) is run with a real package, not only wazo-foo's shape, and the whole
// verdict table must be the one in the shape's expected.yml.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { EXAMPLE_WORKERS, harnessLeftovers, runAcceptance } from './harness';
import { readExpectedTable, readRunVerdicts, tableDifferences, type RunVerdicts } from './verdict-tables';
import { PATHS } from '../support/paths';

/** Runs a shape's manifest with reports of its own; its whole verdict table must be expected.yml's. */
async function runShape(shape: string, service: string): Promise<{ code: number | null; stdout: string; shown: string; verdicts: RunVerdicts }> {
  const dir = join(PATHS.examples, 'shapes', shape);
  const reportsDir = join(PATHS.reports, 'self-test', 'shapes', shape);
  const run = await runAcceptance(['--manifest', join(dir, 'service.yml'), '--reports-dir', reportsDir, ...EXAMPLE_WORKERS]);
  const shown = `${run.stdout}\n${run.stderr}`;
  const verdicts = readRunVerdicts(reportsDir, service, shown);
  assert.deepEqual(tableDifferences(readExpectedTable(join(dir, 'expected.yml')), verdicts), [], shown);
  return { code: run.code, stdout: run.stdout, shown, verdicts };
}

// The shapes run at once, each on hosts of its own: they are independent.
describe('shapes', { concurrency: true }, () => {
  test('systemd-supervised (wazo-qux): its whole verdict table, each N/A naming the manifest field, exit 0', async () => {
    const { code, stdout, shown, verdicts } = await runShape('systemd-supervised', 'wazo-qux');
    assert.equal(code, 0, shown);
    // Each N/A names the manifest field that makes it so.
    const reasons = new Map(verdicts.checklist.map((i) => [i.number, i.reason ?? '']));
    assert.match(reasons.get(6) ?? '', /^consul\.readsDefaultConfig is false/);
    assert.match(reasons.get(7) ?? '', /^wazoService is false/);
    assert.match(reasons.get(8) ?? '', /^supervisor is systemd/);
    assert.match(reasons.get(14) ?? '', /^backup is empty/);
    assert.match(reasons.get(16) ?? '', /^consul\.registers is false/);
    // pidFile left to the unit, which sets no PIDFile=: read from the package, item 5 N/A saying where it looked.
    assert.match(reasons.get(5) ?? '', /^pidFile is not set and \/usr\/lib\/systemd\/system\/wazo-qux\.service in the package sets no PIDFile=/);
    // The supervisor check ran for real: systemd brought the daemon back with a new main PID.
    assert.match(stdout, /note: restarted by systemd [\d.]+ s after the kill \(main PID \d+ -> \d+\)/);
    // No conf.d, no consul: the parts of the upgrade and purge checks that need them say so and the rest runs.
    assert.match(stdout, /note: not checked: the package ships no \/etc\/wazo-qux\/conf\.d directory/);
    assert.match(stdout, /note: not checked: consul\.registers is false/);
  });

  test('hardened-unit (wazo-hardy): a unit hardened as Debian 13 server units are runs as on a VM, exit 0', async () => {
    const { code, stdout, shown } = await runShape('hardened-unit', 'wazo-hardy');
    assert.equal(code, 0, shown);
    // Its restart by systemd works under the hardening too (a new main PID after the kill).
    assert.match(stdout, /note: restarted by systemd [\d.]+ s after the kill \(main PID \d+ -> \d+\)/);
    assert.doesNotMatch(shown, /217\/USER|Failed to set up user namespacing/);
    // Its PID file is the unit's PIDFile= (%t expanded), as the manifest leaves it to the unit.
    assert.match(stdout, /note: pidFile is left to the unit: PIDFile=\/run\/wazo-hardy\/wazo-hardy\.pid of \/usr\/lib\/systemd\/system\/wazo-hardy\.service in the package/);
  });

  test('journal-no-api (wazo-jay): no REST API, logs to the journal: the REST items N/A naming api, item 4 judged on the journal, exit 0', async () => {
    const { code, stdout, shown, verdicts } = await runShape('journal-no-api', 'wazo-jay');
    assert.equal(code, 0, shown);
    const reasons = new Map(verdicts.checklist.map((i) => [i.number, i.reason ?? '']));
    assert.match(reasons.get(18) ?? '', /^api is none: the service offers no REST API/);
    assert.match(reasons.get(19) ?? '', /^api is none: the service offers no REST API/);
    // Item 17 passes on the one port scenario that applies: it listens on no port; the port-number ones are N/A.
    assert.match(stdout, /Ports are not usually used for testing HTTP.*\n.*ports is empty/);
    assert.match(stdout, /The ports used are listed in the doc.*\n.*ports is empty/);
    // Item 4 passed on the journal: entries of the unit written with the service user's uid.
    assert.match(stdout, /note: logFile is journal: [1-9]\d* entries of wazo-jay\.service written as wazo-jay since the boot \(journalctl --since=@[\d.]+ --unit wazo-jay\.service _UID=\d+\)/);
    // The parts of the reboot, upgrade and purge checks that need an API or a log file say so and the rest runs.
    assert.match(stdout, /note: not checked: api is none: the service offers no REST API, so nginx has no route to it/);
    assert.match(stdout, /note: not checked: logFile is journal, the service writes no log file/);
  });

  test('udp-ipv6 (wazo-echo): its REST API on ::1 and a UDP echo on :: pass every item, through nginx to [::1] and on ss\'s view of both, exit 0', async () => {
    const { code, shown } = await runShape('udp-ipv6', 'wazo-echo');
    assert.equal(code, 0, shown);
  });

  test('journal-systemd-ipv6 (wazo-jot): supervised by systemd, logging to the journal, no REST API, a UDP echo on ::, exit 0', async () => {
    const { code, stdout, shown, verdicts } = await runShape('journal-systemd-ipv6', 'wazo-jot');
    assert.equal(code, 0, shown);
    const reasons = new Map(verdicts.checklist.map((i) => [i.number, i.reason ?? '']));
    assert.match(reasons.get(8) ?? '', /^supervisor is systemd/);
    assert.match(reasons.get(18) ?? '', /^api is none/);
    // systemd, not monit, brought the daemon back; the log item was judged on the journal.
    assert.match(stdout, /note: restarted by systemd [\d.]+ s after the kill \(main PID \d+ -> \d+\)/);
    assert.match(stdout, /note: logFile is journal: \d+ entries of wazo-jot\.service written as wazo-jot since the boot/);
  });

  test('http-and-https (wazo-phoned): its REST API over HTTPS with the host\'s certificate, verified against the host CA on its own port and proxied by nginx to https://, and plain-HTTP provisioning, pass every item, exit 0', async () => {
    const { code, stdout, shown } = await runShape('http-and-https', 'wazo-phoned');
    assert.equal(code, 0, shown);
    // A daemon the real tools already list: items 7 and 14 take the real lists' branch, not a drop-in's.
    assert.match(stdout, /note: wazo-phoned is in \S+ of the real wazo-service \(/);
    assert.match(stdout, /note: \/etc\/wazo-phoned\/config\.yml is in the real wazo-backup's BACKUP_LIST \(.*\) as \/etc\/wazo-phoned\//);
  });

  test('socket-activated (wazo-sock): its socket and timer enabled, the daemon started by a connection, systemd\'s socket its own port, exit 0', async () => {
    const { code, stdout, shown } = await runShape('socket-activated', 'wazo-sock');
    assert.equal(code, 0, shown);
    // The enabled check judged the socket and the timer: the service itself is static.
    assert.match(stdout, /note: wazo-sock\.service is started by wazo-sock\.socket: the socket is enabled, not the service/);
    // The daemon the first connection started is the one systemd restarts (a new main PID after the kill).
    assert.match(stdout, /note: restarted by systemd [\d.]+ s after the kill \(main PID \d+ -> \d+\)/);
    assert.match(stdout, /note: pidFile is left to the unit: PIDFile=\/run\/wazo-sock\/wazo-sock\.pid of \/usr\/lib\/systemd\/system\/wazo-sock\.service in the package/);
  });
});

test('shapes leave nothing behind', async () => {
  assert.deepEqual(await harnessLeftovers(), []);
});

test('README shows each shape\'s whole manifest, as its service.yml has it', () => {
  const readme = readFileSync(join(PATHS.root, 'README.md'), 'utf8');
  for (const shape of readdirSync(join(PATHS.examples, 'shapes'))) {
    const manifest = readFileSync(join(PATHS.examples, 'shapes', shape, 'service.yml'), 'utf8').trimEnd();
    assert.ok(
      readme.includes(`#### ${shape}\n\n\`\`\`yaml\n${manifest}\n\`\`\`\n`),
      `README's "One manifest per shape" must show examples/shapes/${shape}/service.yml whole, under "#### ${shape}": copy the file there`,
    );
  }
});
