import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { TestStepResultStatus } from '@cucumber/messages';
import type { ScenarioLine } from '../cli/scenario-reporter';
import { loadManifest } from '../configuration/manifest-loader';
import { judgeChecklist, scenariosBeyondChecklist } from './compliance';
import { complianceMarkdown } from './compliance-report';
import { readChecklist } from './guidelines-checklist';

const root = join(__dirname, '..', '..');
const items = readChecklist(join(root, 'docs', 'new-service-guidelines.md'));
const manifest = loadManifest(join(root, 'services', 'wazo-foo.yml'));

function line(name: string, tags: string[], status: TestStepResultStatus, failures: string[] = []): ScenarioLine {
  return { area: tags[0], tags, name, status, seconds: 1, failures, notes: [], attachments: [] };
}

test('every checklist item of the guidelines has a rule that decides it', () => {
  const verdicts = judgeChecklist(items, [], manifest);
  assert.deepEqual(
    verdicts.filter((v) => v.verdict === 'unmapped').map((v) => v.item.text),
    [],
  );
});

test('verdicts: by name or tags, failures win, manual items stay manual, unrun items say so', () => {
  const lines = [
    line('The service default user is not root', ['@user'], TestStepResultStatus.PASSED),
    line('The service default user cannot log in to a shell', ['@user'], TestStepResultStatus.FAILED, ['expected: x\nfound:    y']),
    line('registers in consul', ['@service-discovery', '@per-service', '@wazo-foo'], TestStepResultStatus.PASSED),
    line('deregisters on stop', ['@service-discovery', '@per-service', '@wazo-foo'], TestStepResultStatus.FAILED),
    line('the API answers through nginx', ['@http'], TestStepResultStatus.PASSED),
    line('the spec validates', ['@http', '@openapi'], TestStepResultStatus.FAILED),
  ];
  const verdicts = new Map(judgeChecklist(items, lines, manifest).map((v) => [v.item.text, v]));
  assert.equal(verdicts.get('The service default user is not root')?.verdict, 'pass');
  assert.equal(verdicts.get('The service default user cannot log in to a shell')?.verdict, 'fail');
  assert.equal(verdicts.get('The service registers with consul for the discovery of services')?.verdict, 'fail');
  assert.equal(verdicts.get('The REST API is accessible via GET `https://wazo/api/<service>`')?.verdict, 'pass', 'the OpenAPI failure belongs to its own item');
  assert.equal(verdicts.get('The OpenAPI/Swagger spec is offered at `http://<service_root_api>/<version>/api/api.yml`')?.verdict, 'fail');
  assert.equal(verdicts.get('The service is documented on wazo-platform.org')?.verdict, 'manual');
  assert.equal(verdicts.get('The service is correctly started on a reboot')?.verdict, 'not run');
});

test('an item that does not apply to the service by its manifest is not applicable, unless a scenario failed', () => {
  const noConsul = { ...manifest, consul: { registers: false, readsDefaultConfig: false } };
  const item = 'The service registers with consul for the discovery of services';
  assert.equal(new Map(judgeChecklist(items, [], noConsul).map((v) => [v.item.text, v])).get(item)?.verdict, 'not applicable');
});

test('the Markdown report lists every item in order and shows each failure with its evidence', () => {
  const lines = [line('The service default user cannot log in to a shell', ['@user'], TestStepResultStatus.FAILED, ['expected: a\nfound:    /bin/bash'])];
  const markdown = complianceMarkdown(
    judgeChecklist(items, lines, manifest),
    { service: 'wazo-foo', packageFile: '/x.deb', packageVersion: '1.1.0', hostImage: 'img', runId: 'r1', startedAt: new Date(0), seconds: 3 },
    '/reports/wazo-foo',
  );
  assert.match(markdown, /^\| 2 \| The service default user cannot log in to a shell \| FAIL \|/m);
  assert.match(markdown, /^\| 21 \| /m);
  assert.match(markdown, /## Failures\n\n### The service default user cannot log in to a shell\n[\s\S]*found: {4}\/bin\/bash/);
});

test('scenarios that decide no checklist item are reported beyond it, with their failures', () => {
  const purge = line('The service package is purged cleanly and can be installed again', ['@purge'], TestStepResultStatus.FAILED, ['found:    /var/log/x.log left']);
  const verdicts = judgeChecklist(items, [purge], manifest);
  const beyond = scenariosBeyondChecklist(verdicts, [purge]);
  assert.deepEqual(beyond, [purge]);
  const markdown = complianceMarkdown(
    verdicts,
    { service: 'wazo-foo', packageFile: '/x.deb', packageVersion: '1.1.0', hostImage: 'img', runId: 'r1', startedAt: new Date(0), seconds: 3 },
    '/reports/wazo-foo',
    beyond,
  );
  assert.match(markdown, /## Checks beyond the checklist\n\n\| Scenario \| Verdict \|\n\|---\|---\|\n\| @purge The service package is purged cleanly and can be installed again \| FAIL \|/);
  assert.match(markdown, /Scenario: @purge The service package is purged cleanly and can be installed again\n\n```\nfound: {4}\/var\/log\/x\.log left/);
});
