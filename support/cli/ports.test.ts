import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runPorts } from './ports';

function ports(...argv: string[]): { code: number; out: string } {
  const { code, out } = portsWithErrors(...argv);
  return { code, out };
}

function portsWithErrors(...argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runPorts(argv, (text) => (out += text), (text) => (err += text));
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'ports-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test("next: 9512 over the project's table (wazo-foo has 9504, wazo-bar 9505, wazo-qux 9506, wazo-hardy 9507, wazo-echo 9508 and 9509/UDP, wazo-sock 9510, wazo-jot 9511/UDP), 9504 over the guidelines' own", () => {
  assert.deepEqual(ports('next'), { code: 0, out: '9512\n' });
  assert.deepEqual(ports('next', '--table', 'guidelines'), { code: 0, out: '9504\n' });
});

test('check: 0 for the project table, 1 with the problems for a bad one, 2 for usage errors', () => {
  assert.equal(ports('check').code, 0);
  const bad = join(dir, 'bad.yml');
  writeFileSync(bad, 'flows:\n  - { daemon: a, service: HTTP, protocol: TCP, port: 9504, listen: "0.0.0.0", authentication: "yes", enabled: true }\n  - { daemon: b, service: HTTP, protocol: TCP, port: 9504, listen: "0.0.0.0", authentication: "yes", enabled: true }\n');
  const checked = portsWithErrors('check', '--table', bad);
  assert.equal(checked.code, 1);
  assert.match(checked.out, /port 9504\/TCP is listed twice: a HTTP and b HTTP/);
  assert.equal(ports('frobnicate').code, 2);
  assert.equal(ports('next', '--tabel', 'x').code, 2);
  assert.equal(ports().code, 2);
  assert.equal(ports('--help').code, 0);
});

test('show prints the table as Markdown', () => {
  const { code, out } = ports('show', '--table', 'guidelines');
  assert.equal(code, 0);
  assert.match(out, /^\| Daemon Name +\| Service/);
  assert.match(out, /\| wazo-plugind +\| HTTPS +\| TCP +\| 9503 +\| 0\.0\.0\.0 +\|/);
});

test('usage errors go to stderr with the fix and exit 2: an unknown command, a table that does not exist, no command', () => {
  const unknown = portsWithErrors('frobnicate');
  assert.equal(unknown.code, 2);
  assert.equal(unknown.out, '');
  assert.match(unknown.err, /^usage error: unknown command 'frobnicate'\n  fix: use one of next, check, show, docs/);
  const noTable = portsWithErrors('next', '--table', 'nope');
  assert.equal(noTable.code, 2);
  assert.match(noTable.err, /usage error: --table nope: no such table \(\S*nope does not exist\)\n  fix: give "project", "guidelines"/);
  assert.match(portsWithErrors().err, /usage error: no command given/);
});
