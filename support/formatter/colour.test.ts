import assert from 'node:assert/strict';
import { test } from 'node:test';
import { colourWanted, verdictPaint } from './colour';

test('colours on a terminal only, and never with NO_COLOR set or TERM=dumb', () => {
  assert.equal(colourWanted({ isTTY: true }, {}), true);
  assert.equal(colourWanted({ isTTY: false }, {}), false);
  assert.equal(colourWanted({}, {}), false);
  assert.equal(colourWanted({ isTTY: true }, { NO_COLOR: '1' }), false);
  assert.equal(colourWanted({ isTTY: true }, { NO_COLOR: '' }), true, 'an empty NO_COLOR does not count (no-color.org)');
  assert.equal(colourWanted({ isTTY: true }, { TERM: 'dumb' }), false);
});

test('a painted verdict keeps its text; unpainted it is the text alone', () => {
  assert.equal(verdictPaint(true)('FAIL', 'FAIL '), '\x1b[31mFAIL \x1b[0m');
  assert.equal(verdictPaint(false)('FAIL', 'FAIL '), 'FAIL ');
});
