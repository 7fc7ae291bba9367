import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadManifest } from '../configuration/manifest-loader';
import { judgeChecklist, scenariosBeyondChecklist } from '../report/compliance';
import { complianceMarkdown } from './compliance-report';
import { readChecklist } from '../report/guidelines-checklist';
import { RUN, scenarioLine } from './report-fixtures';
import { PATHS } from '../paths';

const items = readChecklist(PATHS.guidelines);
const manifest = loadManifest(join(PATHS.services, 'wazo-foo.yml'));
const dump = Array.from({ length: 25 }, (_, i) => `    LISTEN 0 4096 127.0.0.1:${8000 + i} 0.0.0.0:*`).join('\n');
const notListening = (seconds: string) => `expected: x\nfound:    after ${seconds} s: nothing listens on 9504\nevidence:\n  $ ss -ltn   [exit 0]\n${dump}`;

test('one root cause is one failure: the same finding at the same step is shown once, and every item it fails links to it', () => {
  const failing = (name: string, tags: string[], seconds: string) => ({ ...scenarioLine(name, tags, 'FAIL', [notListening(seconds)]), failedStep: 'Then the service is running' });
  const lines = [
    failing('The service is correctly started on a reboot', ['@reboot'], '12.1'),
    failing('The service is correctly started on a wazo-upgrade', ['@upgrade'], '9.8'),
    { ...scenarioLine('The service default user cannot log in to a shell', ['@user'], 'FAIL', ['expected: a\nfound:    /bin/bash']), failedStep: 'Then x' },
  ];
  const markdown = complianceMarkdown(judgeChecklist(items, lines, manifest, { tags: '@reboot or @upgrade or @user' }), RUN, '/r');
  assert.equal(markdown.match(/LISTEN 0 4096/g)?.length, 8, 'no line of the dump has a clue of the finding: its first 8 lines stand for it, once');
  assert.equal(markdown.match(/^### Failure \d+$/gm)?.length, 2);
  assert.match(markdown, /^\| 10 \| The service is correctly started on a reboot \| \[FAIL\]\(#failure-2\) \|/m);
  assert.match(markdown, /^\| 11 \| The service is correctly started on a wazo-upgrade \| \[FAIL\]\(#failure-2\) \|/m);
  assert.match(markdown, /^\| 2 \| The service default user cannot log in to a shell \| \[FAIL\]\(#failure-1\) \|/m);
  assert.match(markdown, /### Failure 2\n\n\*\*FAIL\*\*: `after 12\.1 s: nothing listens on 9504`\n\nDecides checklist items 10: The service is correctly started on a reboot; 11: .*\n\n- `@reboot The service is correctly started on a reboot`, at step `Then the service is running`\n- `@upgrade /);
  assert.match(markdown, /\.\.\. \(17 more lines: see the full failure in diagnostics\)/);
});

test('a BLOCKED item links to the failure of the item that judges its precondition', () => {
  const install = { ...scenarioLine('The service is correctly installed on a fresh install', ['@install'], 'FAIL', ['expected: a\nfound:    status=217/USER']), failedStep: 'Then y' };
  const blocked = { ...scenarioLine('The service registers in consul', ['@service-discovery'], 'BLOCKED', [], 'precondition failed'), judgedBy: install.name };
  const markdown = complianceMarkdown(judgeChecklist(items, [install, blocked], manifest, { tags: '@install or @service-discovery' }), RUN, '/r');
  assert.match(markdown, /^\| 16 \| The service registers with consul for the discovery of services \| \[BLOCKED\]\(#failure-1\) \| precondition failed \|/m);
});

test('the run is recorded: package by file name, version and sha256, host image, tags, command, harness version', () => {
  const markdown = complianceMarkdown(judgeChecklist(items, [], manifest, { tags: RUN.tags }), RUN, '/r');
  assert.match(markdown, /^- Package: `wazo-foo_1\.1\.0_all\.deb`, version 1\.1\.0, sha256 `(ab){32}`$/m);
  assert.match(markdown, /^- Host image: `wazo-harness\/host:trixie-0123456789ab`$/m);
  assert.match(markdown, /^- Tags: `@user or @ports`$/m);
  assert.match(markdown, /^- Command: `npm run acceptance -- --service wazo-foo --tags '@user or @ports'`$/m);
  assert.match(markdown, /^- Harness: wazo-acceptance-harness 0\.1\.0$/m);
  assert.match(complianceMarkdown([], { ...RUN, tags: undefined }, '/r'), /^- Tags: none \(every area\)$/m);
});

test('diagnostics are linked relative to the report, named by what they hold', () => {
  const purge = { ...scenarioLine('The service package is purged cleanly', ['@purge'], 'FAIL', ['found:    left']), attachments: ['/r/wazo-foo/diagnostics/the-service-package--journal-of-wazo-foo-service.txt'] };
  const verdicts = judgeChecklist(items, [purge], manifest);
  const markdown = complianceMarkdown(verdicts, RUN, '/r/wazo-foo', scenariosBeyondChecklist(verdicts, [purge]));
  assert.match(markdown, /; diagnostics: \[journal-of-wazo-foo-service\]\(diagnostics\/the-service-package--journal-of-wazo-foo-service\.txt\)$/m);
});

test('the run block says where the previous version came from: the manifest file, or the apt sources it was downloaded from', () => {
  const record = { file: 'hello_2.10-5.deb', version: '2.10-5', sha256: 'cd'.repeat(32) };
  const none = complianceMarkdown([], RUN, '/r');
  assert.doesNotMatch(none, /Previous version/);
  const given = complianceMarkdown([], { ...RUN, previous: { ...record, from: 'file' } }, '/r');
  assert.match(given, /^- Previous version: `hello_2\.10-5\.deb`, version 2\.10-5, sha256 `(cd){32}`, from the manifest's file$/m);
  const debian = complianceMarkdown([], { ...RUN, previous: { ...record, from: 'debian', sources: ['deb http://deb.debian.org/debian trixie main'] } }, '/r');
  assert.match(debian, /^- Previous version: `hello_2\.10-5\.deb`, version 2\.10-5, sha256 `(cd){32}`, from debian \(`deb http:\/\/deb\.debian\.org\/debian trixie main`\)$/m);
});
