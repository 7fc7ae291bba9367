import assert from 'node:assert/strict';
import { test } from 'node:test';
import { junitXml } from './junit';
import { scenarioLine } from './report-fixtures';

const message = `expected: a\nfound:    pid 263 runs as root (uid 0)\nevidence:\n  $ ps   [exit 0]\n${Array.from({ length: 20 }, (_, i) => `    line ${i}`).join('\n')}\n    wazo-foo.service 263 0 root`;
const lines = [
  { ...scenarioLine('The service default user is not root', ['@user'], 'FAIL', [message]), failedStep: 'Then x', attachments: ['/r/wazo-foo/diagnostics/a--failure.txt'] },
  scenarioLine('The service config files are copied by xivo-backup', ['@backup'], 'N/A', [], 'backup is empty'),
  scenarioLine('GET <api> answers', ['@http'], 'BLOCKED', [], 'precondition "Given the service is running" failed: x'),
  scenarioLine('the host is Debian stable', ['@packaging'], 'ENVIRONMENT', [], 'the host cannot answer: bookworm'),
  scenarioLine('The service default user cannot log in to a shell', ['@user'], 'PASS'),
];
const xml = junitXml('wazo-foo', lines, [{ name: 'later', tags: ['@ports'] }], '/r/wazo-foo');

test('classname is the service and the area; the suite counts failures, errors and skips', () => {
  assert.deepEqual([...xml.matchAll(/<testcase classname="([^"]*)"/g)].map((m) => m[1]), ['wazo-foo.user', 'wazo-foo.backup', 'wazo-foo.http', 'wazo-foo.packaging', 'wazo-foo.user', 'wazo-foo.ports']);
  assert.match(xml, /<testsuite name="wazo-acceptance wazo-foo" tests="6" failures="2" errors="1" skipped="2" time="5\.000">/);
  assert.match(xml, /name="GET &lt;api&gt; answers"|name="GET &lt;api> answers"/);
});

test('a failure: a one-line message, the decisive evidence and the diagnostics in the body', () => {
  const failure = /<failure type="FAIL" message="([^"]*)">([^<]*)<\/failure>/.exec(xml);
  assert.equal(failure?.[1], 'pid 263 runs as root (uid 0)');
  assert.match(failure?.[2] ?? '', /^failed step: Then x\nexpected: a\n/);
  assert.match(failure?.[2] ?? '', /wazo-foo\.service 263 0 root\n {4}\.\.\. \(20 more lines/);
  assert.match(failure?.[2] ?? '', /diagnostics: diagnostics\/a--failure\.txt$/);
  assert.match(xml, /<failure type="BLOCKED" message="precondition &quot;Given the service is running&quot; failed: x">/);
  assert.match(xml, /<error type="ENVIRONMENT" message="the host cannot answer: bookworm">/);
});

test('N/A and not-run scenarios are skipped with their reason', () => {
  assert.match(xml, /<skipped message="not applicable: backup is empty"\/>/);
  assert.match(xml, /name="later" time="0\.000">\s*<skipped message="not run: --fail-fast stopped the run at an earlier failure"\/>/);
});
