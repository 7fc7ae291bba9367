import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addExamplesRows } from './examples-rows';

const feature = `@service-discovery
Feature: registers

  @per-service
  Scenario Outline: registers
    Then consul returns a running "<service>" service

    @wazo-foo
    Examples:
      | service  |
      | wazo-foo |

  # Changes the host.
  @per-service
  Scenario Outline: leaves and comes back
    Then it leaves "<service>"

    @wazo-foo
    Examples:
      | service  |
      | wazo-foo |

  Scenario: not per service
    Then nothing
`;

test('a service gets one Examples block per per-service outline, after the existing ones', () => {
  const { text, added } = addExamplesRows(feature, 'wazo-quux', { service: 'wazo-quux' });
  assert.equal(added, 2);
  assert.match(text, /\| wazo-foo \|\n\n {4}@wazo-quux\n {4}Examples:\n {6}\| service {3}\|\n {6}\| wazo-quux \|\n\n {2}# Changes the host\./);
  assert.match(text, /\| wazo-quux \|\n\n {2}Scenario: not per service/);
});

test('adding the same service twice changes nothing', () => {
  const once = addExamplesRows(feature, 'wazo-quux', { service: 'wazo-quux' }).text;
  assert.deepEqual(addExamplesRows(once, 'wazo-quux', { service: 'wazo-quux' }), { text: once, added: 0 });
});

test('a column without a value is an error that names it', () => {
  assert.throws(() => addExamplesRows(feature, 'wazo-quux', {}), /no value for column "service"/);
});
