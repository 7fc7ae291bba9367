import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ScenarioState } from './scenario-state';

test('a value a step set is there for the steps after it', () => {
  const state = new ScenarioState();
  state.set('startedAt', 1_700_000_000_000);
  assert.equal(state.get('startedAt'), 1_700_000_000_000);
  assert.equal(state.find('startedAt'), 1_700_000_000_000);
});

test('a missing value names what is missing and the step that sets it', () => {
  const state = new ScenarioState();
  assert.throws(() => state.get('openApiDocument'), { message: "no OpenAPI document fetched: the step 'the OpenAPI document is fetched ...' must run first" });
  assert.throws(() => state.get('host'), /^Error: no Wazo host: a Given step that provides one .* must run first$/);
  assert.equal(state.find('registeredBeforeRestart'), undefined);
});
