import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeShell } from '../../test/fake-shell';
import { describeAnswer, httpGetInHost, parseCurlOutput } from './http';

/** curl's %{json} line, reduced to the fields read plus one it also prints. */
const transfer = (fields: object) => JSON.stringify({ exitcode: 0, ...fields });

test("parseCurlOutput reads status and media type from curl's %{json}, the body before it", () => {
  const body = 'swagger: "2.0"\n\npaths: {}\n';
  assert.deepEqual(parseCurlOutput(`${body}\n${transfer({ http_code: 200, content_type: 'application/x-yaml; charset=utf-8' })}`), {
    status: 200,
    contentType: 'application/x-yaml',
    body,
  });
  // A body that looks like a status line and headers is only a body.
  assert.deepEqual(parseCurlOutput(`HTTP/1.1 500 Oops\r\nContent-Type: text/html\r\n\r\n\n${transfer({ http_code: 404, content_type: null })}`), {
    status: 404,
    contentType: '',
    body: 'HTTP/1.1 500 Oops\r\nContent-Type: text/html\r\n\r\n',
  });
  assert.deepEqual(parseCurlOutput(`\n${transfer({ http_code: 204, content_type: null })}`), { status: 204, contentType: '', body: '' });
  assert.equal(parseCurlOutput(`\n${transfer({ http_code: 0, content_type: null })}`), undefined, 'no answer came');
  assert.equal(parseCurlOutput('curl: (7) Failed to connect'), undefined);
});

test('httpGetInHost reads the answer curl describes, and shows the fields it read', async () => {
  const url = 'http://127.0.0.1:9504/1.0/status';
  const shell = fakeShell({
    [`curl --silent --show-error --max-time 10 --write-out \\n%{json} ${url}`]: { exitCode: 0, stdout: `{"status":"ok"}\n${transfer({ http_code: 200, content_type: 'application/json' })}` },
  });
  const result = await httpGetInHost(shell, url, 10_000);
  assert.deepEqual(result.value, { status: 200, contentType: 'application/json', body: '{"status":"ok"}' });
  // The evidence keeps the body and, of curl's long JSON line, only what was read.
  assert.equal(result.evidence[0].stdout, '{"status":"ok"}\n%{json} (the fields read): {"http_code":200,"content_type":"application/json"}');
});

test('httpGetInHost runs curl without --insecure and says why there was no answer', async () => {
  const url = 'http://127.0.0.1:9504/1.0/status';
  const shell = fakeShell({
    [`curl --silent --show-error --max-time 10 --write-out \\n%{json} ${url}`]: { exitCode: 7, stderr: 'curl: (7) Failed to connect to 127.0.0.1 port 9504\n' },
  });
  const result = await httpGetInHost(shell, url, 10_000);
  assert.equal(result.value, undefined);
  assert.doesNotMatch(result.evidence[0].command, /--insecure|-k\b/);
  assert.equal(describeAnswer(result), 'no HTTP answer (curl: (7) Failed to connect to 127.0.0.1 port 9504)');
});
