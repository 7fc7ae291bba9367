import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { AttachmentContentEncoding, TestStepResultStatus } from '@cucumber/messages';
import { CheckFailed } from '../checks/check';
import { ScenarioReporter } from '../formatter/scenario-reporter';
import { forgetSecrets, redact, registerSecret } from './redaction';

const token = '0f8c4d2e-7b1a-4c3d-9e5f-123456789abc';
afterEach(forgetSecrets);

test('redact masks every occurrence of every registered secret, and only those', () => {
  registerSecret(`${token}\n`, 'consul master token');
  assert.equal(redact(`X-Consul-Token: ${token}; again ${token}`), 'X-Consul-Token: <consul master token: redacted>; again <consul master token: redacted>');
  assert.equal(redact('nothing secret here'), 'nothing secret here');
});

test('a secret too short to mask safely is refused, not silently ignored', () => {
  assert.throws(() => registerSecret('abc', 'token'), /too short/);
});

test('a CheckFailed message never shows a registered secret, whatever part carried it', () => {
  registerSecret(token, 'consul master token');
  const failure = new CheckFailed({
    expected: 'no secret',
    found: `token ${token}`,
    evidence: [{ command: `curl -H 'X-Consul-Token: ${token}'`, user: 'root', exitCode: 0, stdout: token, stderr: '' }],
  });
  assert.doesNotMatch(failure.message, new RegExp(token));
  assert.match(failure.message, /found: +token <consul master token: redacted>/);
});

test('the scenario reporter masks secrets in failures, notes and attachments', () => {
  registerSecret(token, 'consul master token');
  const written: string[] = [];
  const saved: string[] = [];
  const reporter = new ScenarioReporter(
    (text) => written.push(text),
    (_scenario, _title, body) => {
      saved.push(body);
      return 'file.txt';
    },
  );
  const pickle = { id: 'p', uri: 'f', name: `scenario ${token}`, language: 'en', steps: [], tags: [{ name: '@area', astNodeId: 't' }], astNodeIds: [] };
  reporter.onMessage({ pickle });
  reporter.onMessage({ testCase: { id: 'c', pickleId: 'p', testSteps: [] } });
  reporter.onMessage({ testCaseStarted: { id: 's', testCaseId: 'c', attempt: 0, timestamp: { seconds: 0, nanos: 0 } } });
  reporter.onMessage({ attachment: { testCaseStartedId: 's', body: `note ${token}`, mediaType: 'text/x.cucumber.log+plain', contentEncoding: AttachmentContentEncoding.IDENTITY } });
  reporter.onMessage({ attachment: { testCaseStartedId: 's', body: `journal ${token}`, mediaType: 'text/plain', fileName: 'journal', contentEncoding: AttachmentContentEncoding.IDENTITY } });
  reporter.onMessage({
    testStepFinished: {
      testCaseStartedId: 's',
      testStepId: 'x',
      testStepResult: { status: TestStepResultStatus.FAILED, duration: { seconds: 0, nanos: 0 }, message: `boom ${token}` },
      timestamp: { seconds: 0, nanos: 0 },
    },
  });
  reporter.onMessage({ testCaseFinished: { testCaseStartedId: 's', willBeRetried: false, timestamp: { seconds: 0, nanos: 0 } } });
  const everything = [...written, ...saved].join('\n');
  assert.match(everything, /note <consul master token: redacted>/);
  assert.match(everything, /boom <consul master token: redacted>/);
  assert.match(everything, /journal <consul master token: redacted>/);
  assert.doesNotMatch(everything, new RegExp(token));
});
