import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decisiveJournalLines, isInstalled } from './install';

test('installed and configured, whether selected for install or held; nothing half-done', () => {
  for (const status of ['install ok installed', 'hold ok installed']) assert.equal(isInstalled(status), true, status);
  for (const status of [undefined, 'install ok half-configured', 'install ok unpacked', 'deinstall ok config-files', 'install reinstreq half-installed']) {
    assert.equal(isInstalled(status), false, String(status));
  }
});

test("a hardened unit's start failure: the status and systemd's reason are the decisive lines", () => {
  const journal = [
    'Nov 30 12:00:00 host systemd[1]: Starting wazo-foo.service - wazo-foo daemon...',
    'Nov 30 12:00:00 host (wazo-foo)[99]: wazo-foo.service: Failed to set up user namespacing: No such file or directory',
    'Nov 30 12:00:00 host systemd[1]: wazo-foo.service: Main process exited, code=exited, status=217/USER',
    'Nov 30 12:00:00 host systemd[1]: wazo-foo.service: Failed with result \'exit-code\'.',
    'Nov 30 12:00:00 host systemd[1]: Failed to start wazo-foo.service - wazo-foo daemon.',
  ].join('\n');
  const lines = decisiveJournalLines(journal);
  assert.equal(lines.length, 4);
  assert.match(lines[0], /Failed to set up user namespacing/);
  assert.match(lines[1], /status=217\/USER/);
});

test("a Python daemon's traceback: its exception line is decisive (a Depends the package forgot)", () => {
  const journal = [
    'Dec 07 02:14:17 host wazo-foo[371]: Traceback (most recent call last):',
    'Dec 07 02:14:17 host wazo-foo[371]:     import yaml',
    "Dec 07 02:14:17 host wazo-foo[371]: ModuleNotFoundError: No module named 'yaml'",
    'Dec 07 02:14:17 host systemd[1]: wazo-foo.service: Main process exited, code=exited, status=1/FAILURE',
  ].join('\n');
  assert.deepEqual(decisiveJournalLines(journal).map((l) => l.replace(/^.*\]: /, '')), [
    'Traceback (most recent call last):',
    "ModuleNotFoundError: No module named 'yaml'",
    'wazo-foo.service: Main process exited, code=exited, status=1/FAILURE',
  ]);
});

test("a unit in a restart loop: each decisive line once, so that the daemon's own reason stays among them", () => {
  const attempt = (pid: number) => [
    `Dec 07 21:09:27 host consul[${pid}]: ==> failed to parse /etc/consul.d/50-wazo-foo.json: invalid character 'h' in literal true (expecting 'r')`,
    `Dec 07 21:09:27 host consul-wait-ready[${pid + 1}]: consul exited during its start (see its messages above)`,
    'Dec 07 21:09:27 host systemd[1]: consul.service: Control process exited, code=exited, status=7/NOTRUNNING',
    "Dec 07 21:09:27 host systemd[1]: consul.service: Failed with result 'exit-code'.",
    'Dec 07 21:09:27 host systemd[1]: Failed to start consul.service - Consul agent.',
  ];
  const journal = [...attempt(182), ...attempt(207), ...attempt(251), 'Dec 07 21:09:28 host systemd[1]: consul.service: Start request repeated too quickly.'].join('\n');
  assert.deepEqual(decisiveJournalLines(journal).map((l) => l.replace(/^.*\]: /, '')), [
    "==> failed to parse /etc/consul.d/50-wazo-foo.json: invalid character 'h' in literal true (expecting 'r')",
    'consul.service: Control process exited, code=exited, status=7/NOTRUNNING',
    "consul.service: Failed with result 'exit-code'.",
    'Failed to start consul.service - Consul agent.',
  ]);
});

test('a journal that says nothing decisive gives no line, and at most count lines are kept', () => {
  assert.deepEqual(decisiveJournalLines('Started wazo-foo.service.\nlistening on 9504'), []);
  assert.equal(decisiveJournalLines(Array.from({ length: 9 }, (_, i) => `error ${i}`).join('\n'), 3).length, 3);
});
