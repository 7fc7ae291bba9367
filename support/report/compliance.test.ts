import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadManifest } from '../configuration/manifest-loader';
import { judgeChecklist, runExitCode, scenariosBeyondChecklist } from './compliance';
import { complianceMarkdown } from '../formatter/compliance-report';
import { readChecklist } from './guidelines-checklist';
import { RUN, scenarioLine as line } from '../formatter/report-fixtures';
import type { ScenarioVerdict } from './verdict';
import { PATHS } from '../paths';

const items = readChecklist(PATHS.guidelines);
const manifest = loadManifest(join(PATHS.services, 'wazo-foo.yml'));

test('every checklist item of the guidelines has a rule that decides it', () => {
  const verdicts = judgeChecklist(items, [], manifest);
  assert.deepEqual(
    verdicts.filter((v) => v.reason?.startsWith('no rule in')).map((v) => v.item.text),
    [],
  );
});

test('the documentation items are MANUAL without --docs, decided by their scenarios with it', () => {
  const documented = 'The service is documented on wazo-platform.org';
  const lines = [line(documented, ['@docs'], 'FAIL', ['expected: x\nfound:    y'])];
  const without = judgeChecklist(items, [], manifest).find((v) => v.item.text === documented);
  assert.equal(without?.verdict, 'MANUAL');
  assert.match(without?.reason ?? '', /or give --docs DIR/);
  assert.equal(judgeChecklist(items, lines, manifest, { tags: '@docs', docs: true }).find((v) => v.item.text === documented)?.verdict, 'FAIL');
});

test('verdicts: by name or tags, failures win, manual items stay manual, items left out by --tags are NOT RUN', () => {
  const lines = [
    line('The service default user is not root', ['@user'], 'PASS'),
    line('The service default user cannot log in to a shell', ['@user'], 'FAIL', ['expected: x\nfound:    y']),
    line('registers in consul', ['@service-discovery'], 'PASS'),
    line('deregisters on stop', ['@service-discovery'], 'FAIL'),
    line('the API answers through nginx', ['@http'], 'PASS'),
    line('the spec validates', ['@http', '@openapi'], 'FAIL'),
  ];
  const verdicts = new Map(judgeChecklist(items, lines, manifest, { tags: '@user or @http or @service-discovery' }).map((v) => [v.item.text, v]));
  assert.equal(verdicts.get('The service default user is not root')?.verdict, 'PASS');
  assert.equal(verdicts.get('The service default user cannot log in to a shell')?.verdict, 'FAIL');
  assert.equal(verdicts.get('The service registers with consul for the discovery of services')?.verdict, 'FAIL');
  assert.equal(verdicts.get('The REST API is accessible via GET `https://wazo/api/<service>`')?.verdict, 'PASS', 'the OpenAPI failure belongs to its own item');
  assert.equal(verdicts.get('The OpenAPI/Swagger spec is offered at `http://<service_root_api>/<version>/api/api.yml`')?.verdict, 'FAIL');
  assert.equal(verdicts.get('The service is documented on wazo-platform.org')?.verdict, 'MANUAL');
  assert.equal(verdicts.get('The service is correctly started on a reboot')?.verdict, 'NOT RUN');
  assert.match(verdicts.get('The service is correctly started on a reboot')?.reason ?? '', /--tags "@user or @http or @service-discovery" left it out/);
});

test('without --tags, an item no scenario decided is never NOT RUN: it is BLOCKED as a harness bug, and fails the run', () => {
  const verdicts = judgeChecklist(items, [], manifest);
  const reboot = verdicts.find((v) => v.item.text === 'The service is correctly started on a reboot');
  assert.equal(reboot?.verdict, 'BLOCKED');
  assert.equal(runExitCode(verdicts, []), 1);
});

test('several scenarios of one item: FAIL over BLOCKED over ENVIRONMENT over PASS; N/A only when all are N/A', () => {
  const item = 'The service registers with consul for the discovery of services';
  const judge = (...verdicts: ScenarioVerdict[]) =>
    judgeChecklist(items, verdicts.map((v, i) => line(`scenario ${i}`, ['@service-discovery'], v, [], v === 'PASS' ? undefined : `why ${v}`)), manifest, { tags: '@service-discovery' }).find(
      (v) => v.item.text === item,
    );
  assert.equal(judge('PASS', 'BLOCKED', 'FAIL')?.verdict, 'FAIL');
  assert.equal(judge('PASS', 'ENVIRONMENT', 'BLOCKED')?.verdict, 'BLOCKED');
  assert.equal(judge('PASS', 'ENVIRONMENT')?.verdict, 'ENVIRONMENT');
  assert.equal(judge('PASS', 'N/A')?.verdict, 'PASS');
  assert.deepEqual({ ...judge('N/A', 'N/A'), scenarios: [] }, { item: items.find((i) => i.text === item), verdict: 'N/A', reason: 'why N/A', scenarios: [] });
});

test('the exit code comes from the verdicts: 1 on FAIL or BLOCKED, 3 when only ENVIRONMENT, 0 otherwise', () => {
  const judged = (verdict: ScenarioVerdict) => judgeChecklist(items, [line('The service default user is not root', ['@user'], verdict)], manifest, { tags: '@user' });
  assert.equal(runExitCode(judged('PASS'), []), 0);
  assert.equal(runExitCode(judged('N/A'), []), 0);
  assert.equal(runExitCode(judged('FAIL'), []), 1);
  assert.equal(runExitCode(judged('BLOCKED'), []), 1);
  assert.equal(runExitCode(judged('ENVIRONMENT'), []), 3);
  assert.equal(runExitCode(judged('PASS'), [line('lintian reports no error for the package', ['@packaging'], 'FAIL')]), 1, 'a check beyond the checklist counts too');
});

test('an item the manifest makes not applicable is N/A with the field, and its scenario is judged beyond the checklist', () => {
  const bySystemd = { ...manifest, supervisor: 'systemd' as const };
  const supervision = line("The service is monitored by its supervisor (monit, or systemd's Restart=)", ['@monit'], 'FAIL');
  const verdicts = judgeChecklist(items, [supervision], bySystemd, { tags: '@monit' });
  const monit = verdicts.find((v) => v.item.text === 'The service is monitored by monit');
  assert.equal(monit?.verdict, 'N/A');
  assert.match(monit?.reason ?? '', /supervisor is systemd/);
  assert.deepEqual(scenariosBeyondChecklist(verdicts, [supervision]), [supervision]);
  assert.equal(runExitCode(verdicts, [supervision]), 1);
});

test('the Markdown report lists every item in order and shows each failure with its evidence', () => {
  const lines = [line('The service default user cannot log in to a shell', ['@user'], 'FAIL', ['expected: a\nfound:    /bin/bash'])];
  const markdown = complianceMarkdown(
    judgeChecklist(items, lines, manifest),
    RUN,
    '/reports/wazo-foo',
  );
  assert.match(markdown, /^\| 2 \| The service default user cannot log in to a shell \| \[FAIL\]\(#failure-1\) \|/m);
  assert.match(markdown, /^\| 21 \| /m);
  assert.match(markdown, /## Failures\n[\s\S]*### Failure 1\n\n\*\*FAIL\*\*: `\/bin\/bash`\n\nDecides checklist item 2: The service default user cannot log in to a shell\n[\s\S]*found: {4}\/bin\/bash/);
});

test('scenarios that decide no checklist item are reported beyond it, with their failures', () => {
  const purge = line('The service package is purged cleanly and can be installed again', ['@purge'], 'FAIL', ['found:    /var/log/x.log left']);
  const verdicts = judgeChecklist(items, [purge], manifest);
  const beyond = scenariosBeyondChecklist(verdicts, [purge]);
  assert.deepEqual(beyond, [purge]);
  const markdown = complianceMarkdown(
    verdicts,
    RUN,
    '/reports/wazo-foo',
    beyond,
  );
  assert.match(markdown, /## Checks beyond the checklist\n\n\| Scenario \| Verdict \| Why \|\n\|---\|---\|---\|\n\| @purge The service package is purged cleanly and can be installed again \| \[FAIL\]\(#failure-1\) \|/);
  assert.match(markdown, /A check beyond the checklist\.\n\n- `@purge The service package is purged cleanly and can be installed again`\n\n```text\nfound: {4}\/var\/log\/x\.log left/);
});

test('--fail-fast: an item whose scenarios were never started is NOT RUN, with the reason; one that failed still fails the run', () => {
  const stoppedBefore = [{ name: 'The service default user cannot log in to a shell', tags: ['@user'] }];
  const verdicts = judgeChecklist(items, [line('The service default user is not root', ['@user'], 'FAIL')], manifest, { tags: '@user', stoppedBefore });
  const shell = verdicts.find((v) => v.item.text === 'The service default user cannot log in to a shell');
  assert.equal(shell?.verdict, 'NOT RUN');
  assert.equal(shell?.reason, '--fail-fast stopped the run at an earlier failure');
  const reboot = verdicts.find((v) => v.item.text === 'The service is correctly started on a reboot');
  assert.match(reboot?.reason ?? '', /--tags "@user" left it out/, 'what the tags left out keeps its own reason');
  assert.equal(runExitCode(verdicts, []), 1);
});

test('--name: what the names left out is NOT RUN, saying so (not a harness bug)', () => {
  const verdicts = judgeChecklist(items, [line('The service default user is not root', ['@user'], 'PASS')], manifest, { names: ['not root$'] });
  const reboot = verdicts.find((v) => v.item.text === 'The service is correctly started on a reboot');
  assert.equal(reboot?.verdict, 'NOT RUN');
  assert.equal(reboot?.reason, '--name "not root$" left it out');
});
