import assert from 'node:assert/strict';
import { test } from 'node:test';
import { docPage } from '../docs/docs-site';
import { serviceDocumentation } from './documentation';

const foo = { name: 'wazo-foo', api: { port: 9504, path: '/api/foo' } };
const servicePage = docPage('content/foo/description.md', '# [foo](https://github.com/wazo-platform/wazo-foo)\n\nwazo-foo does foo.\n\n## API documentation\n\nThe REST API is on port 9504.\n');

test('a page whose heading names the service and that describes its API documents it, with the lines', () => {
  const verdict = serviceDocumentation([docPage('content/uc-doc/index.md', '# Manual\n'), servicePage], foo);
  assert.ok(verdict.documented);
  assert.deepEqual([verdict.heading.page, verdict.heading.line], ['content/foo/description.md', 1]);
  assert.equal(verdict.api?.line, 5);
});

test('a service without an API (api: none) is documented by a heading naming it', () => {
  const titleOnly = docPage('content/jay/description.md', '# wazo-jay\n\nwazo-jay does jay.\n');
  const verdict = serviceDocumentation([titleOnly], { name: 'wazo-jay' });
  assert.ok(verdict.documented);
  assert.deepEqual([verdict.heading.line, verdict.api], [1, undefined]);
  assert.ok(!serviceDocumentation([docPage('content/x.md', 'wazo-jay is mentioned.\n')], { name: 'wazo-jay' }).documented);
});

test('a page that only mentions the service, or a heading without its API, does not document it: the nearest is named', () => {
  const passing = docPage('content/uc-doc/upgrade.md', '# Upgrade notes\n\nwazo-foo was added.\n\nThe API changed.\n');
  const titleOnly = docPage('content/foo/description.md', '# wazo-foo\n\nSoon.\n');
  const mentioned = serviceDocumentation([passing], foo);
  assert.ok(!mentioned.documented);
  assert.deepEqual(mentioned.nearest?.mentions.map((m) => m.line), [3]);
  const nearest = serviceDocumentation([passing, titleOnly], foo);
  assert.ok(!nearest.documented);
  assert.equal(nearest.nearest?.heading?.page, 'content/foo/description.md');
  assert.deepEqual(serviceDocumentation([docPage('content/bar.md', '# wazo-foobar\n\nAPI\n')], foo), { documented: false, nearest: undefined });
});
