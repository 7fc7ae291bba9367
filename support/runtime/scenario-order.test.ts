import assert from 'node:assert/strict';
import { it } from 'node:test';
import { SHARED_HOST_LAST } from './shared-host-schedule';
import { scenarioOrder } from './scenario-order';

const pickle = (name: string, given: string) => ({ pickle: { uri: 'features/a.feature', name, steps: [{ text: given }] } });

it('puts the first reader first (it boots the shared host), then the other readers, the shared host last scenarios, then hosts of their own, each group in its order', () => {
  const ordered = scenarioOrder([
    pickle('reader 1', 'the service is installed on a Wazo host'),
    pickle('stop and start', SHARED_HOST_LAST),
    pickle('own 1', 'the service is installed on a Wazo host of its own'),
    pickle('restart', SHARED_HOST_LAST),
    pickle('reader 2', 'the service is installed on a Wazo host'),
    pickle('own 2', 'the service is installed on a Wazo host of its own'),
  ], () => undefined);
  assert.deepEqual(ordered.map((p) => p.pickle.name), ['reader 1', 'reader 2', 'stop and start', 'restart', 'own 1', 'own 2']);
});

it('orders a run with no reader (the last scenario installs the shared host), or with readers only', () => {
  const own = [pickle('own 1', 'the service is installed on a Wazo host of its own'), pickle('last', SHARED_HOST_LAST)];
  assert.deepEqual(scenarioOrder(own, () => undefined).map((p) => p.pickle.name), ['last', 'own 1']);
  const readers = [pickle('reader 1', 'the service is installed on a Wazo host'), pickle('reader 2', 'the service is installed on a Wazo host')];
  assert.deepEqual(scenarioOrder(readers, () => 1000).map((p) => p.pickle.name), ['reader 1', 'reader 2']);
});

it('hands out the hosts of their own longest first as the last run measured them, the unmeasured first in their order', () => {
  const own = (name: string) => pickle(name, 'the service is installed on a Wazo host of its own');
  const last: Record<string, number> = { short: 8000, long: 20000, middle: 14000 };
  const ordered = scenarioOrder(
    [pickle('reader 1', 'the service is installed on a Wazo host'), own('short'), own('new 1'), own('long'), own('middle'), own('new 2'), pickle('reader 2', 'the service is installed on a Wazo host')],
    (scenario) => last[scenario.name],
  );
  assert.deepEqual(ordered.map((p) => p.pickle.name), ['reader 1', 'reader 2', 'new 1', 'new 2', 'long', 'middle', 'short']);
});
