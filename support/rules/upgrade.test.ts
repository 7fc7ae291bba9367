import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inDeclaredState, runState } from './upgrade';

test('active is running; inactive, failed or activating is stopped', () => {
  assert.equal(runState({ activeState: 'active' }), 'running');
  for (const activeState of ['inactive', 'failed', 'activating']) assert.equal(runState({ activeState }), 'stopped', activeState);
});

test('a slave service is in its declared state; stopped means no process left', () => {
  assert.equal(inDeclaredState('running', 'running', 2), true);
  assert.equal(inDeclaredState('stopped', 'stopped', 0), true);
  assert.equal(inDeclaredState('stopped', 'stopped', 1), false, 'a process outlived the unit');
  assert.equal(inDeclaredState('stopped', 'running', 1), false);
  assert.equal(inDeclaredState('running', 'stopped', 0), false);
});
