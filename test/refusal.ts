import assert from 'node:assert/strict';
import { HarnessError } from '../support/errors';

/** The HarnessError `run` refuses with; any other outcome fails the test. */
export function refusalOf(run: () => unknown): HarnessError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof HarnessError, String(error));
    return error;
  }
  assert.fail('it was not refused');
}
