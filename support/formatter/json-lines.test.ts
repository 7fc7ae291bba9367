import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ScenarioLine } from '../report/scenario-line';
import { verdictJsonLines } from './json-lines';

test('--format json: one parseable object a line, scenarios then items then the run', () => {
  const scenario: ScenarioLine = { area: '@user', tags: ['@user'], name: 'The service default user is not root', verdict: 'FAIL', failedStep: 'Then x', seconds: 1.234, failures: ['expected: a\nfound: b'], notes: [], attachments: ['/r/d.txt'] };
  const text = verdictJsonLines({ service: 'wazo-foo', exitCode: 1, reports: '/r' }, [scenario], [{ item: { text: 'The service default user is not root', details: [] }, verdict: 'FAIL', scenarios: [scenario] }]);
  const objects = text.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  assert.deepEqual(objects.map((o) => o.kind), ['scenario', 'item', 'run']);
  assert.deepEqual(objects[0], { kind: 'scenario', service: 'wazo-foo', area: '@user', tags: ['@user'], name: scenario.name, verdict: 'FAIL', reason: null, failedStep: 'Then x', failures: scenario.failures, diagnostics: ['/r/d.txt'], seconds: 1.2 });
  assert.deepEqual(objects[1], { kind: 'item', service: 'wazo-foo', number: 1, item: scenario.name, verdict: 'FAIL', reason: null, scenarios: [scenario.name] });
  assert.deepEqual(objects[2], { kind: 'run', service: 'wazo-foo', exitCode: 1, reports: '/r' });
});
