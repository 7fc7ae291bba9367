import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tableDifferences, tableOf, type RunVerdicts } from './verdict-tables';

const run: RunVerdicts = {
  exitCode: 0,
  checklist: [{ number: 1, item: 'The service default user is not root', verdict: 'PASS', reason: null }],
  beyond: [{ scenario: 'lintian reports no error for the package', verdict: 'PASS', reason: null }],
};

test("a run compared with its own table differs in nothing; another verdict is named with both", () => {
  assert.deepEqual(tableDifferences(tableOf(run), run), []);
  const flaky: RunVerdicts = { ...run, exitCode: 1, checklist: [{ ...run.checklist[0], verdict: 'FAIL', reason: 'uid 0' }] };
  assert.deepEqual(tableDifferences(tableOf(run), flaky), [
    'exit: expected 0, the run gave 1',
    'item 1 (The service default user is not root): expected PASS, found FAIL (uid 0)',
  ]);
});
