import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TestStepResultStatus } from '@cucumber/messages';
import { judgeScenario, type StepKind, type StepOutcome } from './scenario-verdict';

const { PASSED, FAILED, SKIPPED, UNDEFINED } = TestStepResultStatus;

function step(kind: StepKind, text: string, status: TestStepResultStatus, errorType?: string, message?: string): StepOutcome {
  const keyword = { hook: '', precondition: 'Given ', action: 'When ', outcome: 'Then ' }[kind];
  return { kind, text, keyword, status, errorType, message };
}

const found = (text: string) => `expected: x\nfound:    ${text}\nevidence:\n  (none)`;

test('every step passed: PASS', () => {
  assert.deepEqual(judgeScenario([step('hook', 'applicability', PASSED), step('precondition', 'the service is running', PASSED), step('outcome', 'x', PASSED)], []), { verdict: 'PASS' });
});

test("a failed Then is the check's FAIL, with the step that decided it", () => {
  const failed = step('outcome', 'the service user is not root', FAILED, 'CheckFailed', found('uid 0'));
  const judged = judgeScenario([step('precondition', 'the service is running', PASSED), failed, step('outcome', 'next', SKIPPED)], []);
  assert.equal(judged.verdict, 'FAIL');
  assert.equal(judged.decisiveStep, failed);
});

test('a failed Given BLOCKS the check, naming the precondition and the item that judges it', () => {
  const judged = judgeScenario([step('precondition', 'the service is running', FAILED, 'CheckFailed', found('unit failed/failed\n  the journal says: status=217/USER')), step('outcome', 'x', SKIPPED)], []);
  assert.equal(judged.verdict, 'BLOCKED');
  assert.equal(judged.reason, 'precondition "Given the service is running" failed: unit failed/failed (judged by "The service is correctly installed on a fresh install")');
  assert.equal(judged.judgedBy, 'The service is correctly installed on a fresh install');
});

test('an EnvironmentLimit, or a failing hook of the harness, is ENVIRONMENT: never the package', () => {
  assert.equal(judgeScenario([step('outcome', 'the host runs the latest Debian stable', FAILED, 'EnvironmentLimit', found('the host runs bookworm'))], []).verdict, 'ENVIRONMENT');
  assert.equal(judgeScenario([step('precondition', 'the service is installed on a Wazo host', FAILED, 'EnvironmentLimit', found('no boot'))], []).verdict, 'ENVIRONMENT');
  assert.equal(judgeScenario([step('outcome', 'x', PASSED), step('hook', 'After', FAILED, 'Error', 'docker rm failed')], []).verdict, 'ENVIRONMENT');
});

test('skipped whole by the applicability hook: N/A with the manifest field', () => {
  const judged = judgeScenario([step('hook', 'applicability', SKIPPED), step('precondition', 'a', SKIPPED), step('outcome', 'b', SKIPPED)], ['not applicable: backup is empty']);
  assert.deepEqual(judged, { verdict: 'N/A', reason: 'backup is empty' });
});

test('a check that started and did not finish is never N/A or PASS', () => {
  const midway = judgeScenario([step('precondition', 'a', PASSED), step('outcome', 'b', SKIPPED), step('outcome', 'c', SKIPPED)], []);
  assert.equal(midway.verdict, 'FAIL');
  assert.match(midway.reason ?? '', /harness bug: step "Then b" was skipped/);
  assert.equal(judgeScenario([step('outcome', 'b', SKIPPED)], []).verdict, 'FAIL', 'skipped without the hook saying why');
});

test('an undefined step is a FAIL (a harness bug must say so, not pass)', () => {
  assert.equal(judgeScenario([step('outcome', 'b', UNDEFINED)], []).verdict, 'FAIL');
});
