import assert from 'node:assert/strict';
import { it } from 'node:test';
import { SHARED_HOST_LAST } from './shared-host-schedule';
import { sharedHostLastInOrder } from './shared-host-order';

const pickle = (name: string, given: string) => ({ pickle: { uri: 'features/a.feature', name, steps: [{ text: given }] } });

it('puts the shared host last scenarios after every other, keeping each group in its order', () => {
  const ordered = sharedHostLastInOrder([
    pickle('reader 1', 'the service is installed on a Wazo host'),
    pickle('stop and start', SHARED_HOST_LAST),
    pickle('own', 'the service is installed on a Wazo host of its own'),
    pickle('restart', SHARED_HOST_LAST),
    pickle('reader 2', 'the service is installed on a Wazo host'),
  ]);
  assert.deepEqual(ordered.map((p) => p.pickle.name), ['reader 1', 'own', 'reader 2', 'stop and start', 'restart']);
});
