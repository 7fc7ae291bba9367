import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commandLine, formatEvidence } from './evidence';

test('commandLine quotes only the words a shell would split or expand', () => {
  assert.equal(commandLine(['getent', 'passwd', 'wazo-foo']), 'getent passwd wazo-foo');
  assert.equal(commandLine(['sh', '-c', "echo 'a b'"]), `sh -c 'echo '\\''a b'\\'''`);
});

test('formatEvidence shows the command, exit code, user and output, and cuts long output', () => {
  const text = formatEvidence([
    { command: 'test -w /var/log/x.log', user: 'wazo-foo', exitCode: 1, stdout: '', stderr: '' },
    { command: 'seq 100', user: 'root', exitCode: 0, stdout: Array.from({ length: 100 }, (_, i) => String(i)).join('\n'), stderr: '' },
  ]);
  assert.match(text, /\$ test -w \/var\/log\/x\.log {3}\[exit 1, as wazo-foo\]\n {4}\(no output\)/);
  assert.match(text, /\$ seq 100 {3}\[exit 0\]/);
  assert.match(text, /\.\.\. \(70 more lines\)/);
});
