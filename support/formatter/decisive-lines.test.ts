import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decisiveLines } from './decisive-lines';

const cgroup = `/docker/${'432f6b823faa'}${'0'.repeat(52)}/system.slice`;
const ssLine = (address: string, unit: string) => `LISTEN 0      4096   ${address} 0.0.0.0:*    uid:100 ino:9188555 cgroup:${cgroup}/${unit}.service <->       `;
const ports = [
  ssLine('127.0.0.1:9504', 'wazo-foo'),
  ssLine('127.0.0.1:9599', 'wazo-foo'),
  ...[8300, 8301, 8302, 8500, 8600, 443, 80, 2812].map((port) => ssLine(`127.0.0.1:${port}`, 'consul')),
];
const message = [
  'expected: the processes of wazo-foo.service to listen on TCP port 9504 on 127.0.0.1 only',
  'found:    127.0.0.1:9599 listens but port 9599 is not declared',
  'evidence:',
  '  $ cat services/wazo-foo.yml   # on the machine running the harness   [exit 0]',
  '    name: wazo-foo',
  '  $ ss --no-header --listening --tcp --numeric --processes --extended   [exit 0]',
  ...ports.map((line) => `    ${line}`),
].join('\n');

test('a long output keeps only the lines with a clue of the found line, and says how many are left out', () => {
  const trimmed = decisiveLines(message).split('\n');
  assert.deepEqual(trimmed.slice(0, 6), message.split('\n').slice(0, 6), 'expected, found and the commands are kept');
  const output = trimmed.slice(6);
  assert.equal(output.length, 2);
  assert.match(output[0], /127\.0\.0\.1:9599 /);
  assert.equal(output[1], '    ... (9 more lines: see the full failure in diagnostics)');
});

test('a socket named with its transport ([::]:9599/udp) finds the line ss writes for it (*:9599)', () => {
  const udp = message
    .replace(/^found: .*$/m, 'found:    [::]:9599/udp listens but port 9599/udp is not declared')
    .replace('127.0.0.1:9599 0.0.0.0:*', '*:9599 *:*');
  const output = decisiveLines(udp).split('\n').slice(6);
  assert.equal(output.length, 2);
  assert.match(output[0], /\*:9599 /);
});

test('long container ids are shortened and trailing blanks dropped; a short output is kept whole', () => {
  const trimmed = decisiveLines(message);
  assert.match(trimmed, /cgroup:\/docker\/432f6b823faa\/system\.slice\/wazo-foo\.service <->$/m);
  assert.doesNotMatch(trimmed, /[0-9a-f]{13}/);
  assert.match(trimmed, /^ {4}name: wazo-foo$/m);
});

test('no line with a clue: the first lines stand for the output', () => {
  const vague = message.replace(/^found: .*$/m, 'found:    something else is wrong');
  const output = decisiveLines(vague).split('\n').slice(6);
  assert.equal(output.length, 9);
  assert.match(output[8], /2 more lines/);
});

test('a message that is not expected/found/evidence is kept as it is', () => {
  assert.equal(decisiveLines('Error: boom\n  at somewhere'), 'Error: boom\n  at somewhere');
});

test('a finding on several lines (a table) gives its clues from every line', () => {
  const table = message.replace(/^found: .*$/m, 'found:    1 port differs:\n          port  declared\n          9599  no');
  const output = decisiveLines(table).split('\n').slice(8);
  assert.equal(output.length, 2);
  assert.match(output[0], /127\.0\.0\.1:9599 /);
});
