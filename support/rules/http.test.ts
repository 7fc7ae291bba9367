import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isServiceAnswer, refusedWithoutToken, wrongAnswerKind } from './http';

test("the service's own answer: 2xx, and 401/403 only where a token is required", () => {
  for (const status of [200, 204]) assert.equal(isServiceAnswer(status, false), true, String(status));
  for (const status of [200, 401, 403]) assert.equal(isServiceAnswer(status, true), true, String(status));
  for (const status of [401, 403]) assert.equal(isServiceAnswer(status, false), false, String(status));
});

test('never 404, a proxy error or another 5xx, whatever the token rule', () => {
  for (const requiresToken of [true, false]) {
    for (const status of [0, 301, 404, 405, 500, 502, 503, 504]) assert.equal(isServiceAnswer(status, requiresToken), false, `${status} ${requiresToken}`);
  }
  assert.match(wrongAnswerKind(502), /proxy error/);
  assert.match(wrongAnswerKind(404), /no such route/);
});

test('without a token, only 401 is the refusal the manifest asks for', () => {
  assert.equal(refusedWithoutToken(401), true);
  for (const status of [200, 403, 404, 502]) assert.equal(refusedWithoutToken(status), false, String(status));
});
