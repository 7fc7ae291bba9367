import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeShell } from '../../test/fake-shell';
import { describeAnswer, httpGetInHost, parseCurlInclude } from './http';

test('parseCurlInclude reads the status, the media type without parameters, and the body', () => {
  const answer = parseCurlInclude('HTTP/1.0 200 OK\r\nServer: wazo-foo\r\nContent-Type: application/x-yaml; charset=utf-8\r\n\r\nswagger: "2.0"\n\npaths: {}\n');
  assert.deepEqual(answer, { status: 200, contentType: 'application/x-yaml', body: 'swagger: "2.0"\n\npaths: {}\n' });
  assert.deepEqual(parseCurlInclude('HTTP/1.1 404 Not Found\r\n\r\n'), { status: 404, contentType: '', body: '' });
  assert.equal(parseCurlInclude('curl: (7) Failed to connect'), undefined);
});

test('httpGetInHost runs curl without --insecure and says why there was no answer', async () => {
  const url = 'http://127.0.0.1:9504/1.0/status';
  const shell = fakeShell({
    [`curl --silent --show-error --include --max-time 10 ${url}`]: { exitCode: 7, stderr: 'curl: (7) Failed to connect to 127.0.0.1 port 9504\n' },
  });
  const result = await httpGetInHost(shell, url, 10_000);
  assert.equal(result.value, undefined);
  assert.doesNotMatch(result.evidence[0].command, /--insecure|-k\b/);
  assert.equal(describeAnswer(result), 'no HTTP answer (curl: (7) Failed to connect to 127.0.0.1 port 9504)');
});
