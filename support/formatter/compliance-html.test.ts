import assert from 'node:assert/strict';
import { test } from 'node:test';
import { complianceHtml } from './compliance-html';

const markdown = ['| # | Item | Verdict |', '|---|---|---|', '| 1 | a | PASS |', '| 2 | b | [FAIL](#failure-1) |', '| 3 | c | NOT RUN |', '| 4 | PASS | N/A |', '', '## Failures', '', '### Failure 1', ''].join('\n');

test('every verdict cell has its verdict class, and the classes have colours', () => {
  const html = complianceHtml(markdown, 't');
  assert.match(html, /<td class="verdict-pass">PASS<\/td>/);
  assert.match(html, /<td class="verdict-fail"><a href="#failure-1">FAIL<\/a><\/td>/);
  assert.match(html, /<td class="verdict-not-run">NOT RUN<\/td>/);
  assert.match(html, /<td class="verdict-n-a">N\/A<\/td>/);
  for (const kind of ['pass', 'fail', 'n-a', 'blocked', 'environment', 'manual', 'not-run']) assert.match(html, new RegExp(`\\.verdict-${kind}\\{background:#[0-9a-f]{6}\\}`));
});

test("each failure's heading has the id the tables link to", () => {
  assert.match(complianceHtml(markdown, 't'), /<h3 id="failure-1"[^>]*>Failure 1<\/h3>/);
});
