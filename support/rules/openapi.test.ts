import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { isYamlMediaType, parameterlessGetPaths, servedAsYaml, servesDocument, validateOpenApi, versionMatches } from './openapi';
import { PATHS } from '../paths';

const example = readFileSync(join(PATHS.examples, 'wazo-foo', 'wazo_foo', 'api.yml'), 'utf8');

test('the example service document is valid Swagger 2.0 for version 1.0, with three GET paths', async () => {
  const result = await validateOpenApi(example);
  assert.deepEqual(result.errors, []);
  assert.equal(result.kind, 'Swagger 2.0');
  assert.equal(versionMatches(result.document!, '1.0'), true);
  assert.equal(versionMatches(result.document!, '2.0'), false);
  assert.deepEqual(parameterlessGetPaths(result.document!), ['/api/api.yml', '/status', '/config']);
});

test('a document breaking the Swagger 2.0 schema is invalid, with the validator saying where', async () => {
  const result = await validateOpenApi("swagger: '2.0'\ninfo: {title: t, version: '1.0'}\nbasePath: /1.0\npaths:\n  /status:\n    get: {summary: s}\n");
  assert.equal(result.kind, 'Swagger 2.0');
  assert.match(result.errors.join('\n'), /must have required property 'responses'/);
  assert.deepEqual(parameterlessGetPaths(result.document!), ['/status']);
});

test('neither Swagger nor OpenAPI, or not YAML at all, is invalid', async () => {
  assert.notDeepEqual((await validateOpenApi('title: hello\n')).errors, []);
  assert.match((await validateOpenApi('a: [\n')).errors[0], /^not YAML/);
  assert.deepEqual((await validateOpenApi('- a\n')).errors, ['not a YAML mapping']);
});

test('an OpenAPI 3 document matches the version through a server URL path, relative or absolute', async () => {
  const doc = (url: string) => `openapi: 3.0.3\ninfo: {title: t, version: '7.2.1'}\nservers: [{url: '${url}'}]\npaths:\n  /items/{id}:\n    get:\n      parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n      responses: {'200': {description: ok}}\n  /items:\n    get: {responses: {'200': {description: ok}}}\n`;
  const relative = await validateOpenApi(doc('/1.0'));
  assert.deepEqual(relative.errors, []);
  assert.equal(versionMatches(relative.document!, '1.0'), true);
  assert.equal(versionMatches((await validateOpenApi(doc('https://wazo/api/foo/1.0/'))).document!, '1.0'), true);
  assert.equal(versionMatches((await validateOpenApi(doc('/2.0'))).document!, '1.0'), false);
  assert.deepEqual(parameterlessGetPaths(relative.document!), ['/items']);
});

test('YAML media types are recognised, JSON and HTML are not', () => {
  assert.equal(isYamlMediaType('application/x-yaml'), true);
  assert.equal(isYamlMediaType('application/yaml'), true);
  assert.equal(isYamlMediaType('application/json'), false);
  assert.equal(isYamlMediaType('text/html'), false);
});

test('the document is served by a 200, as YAML when its media type says so', () => {
  const answer = { status: 200, contentType: 'application/x-yaml', body: '' };
  assert.equal(servesDocument(answer), true);
  assert.equal(servedAsYaml(answer), true);
  assert.equal(servedAsYaml({ ...answer, contentType: 'application/json' }), false);
  for (const status of [301, 404]) assert.equal(servesDocument({ ...answer, status }), false, String(status));
  assert.equal(servesDocument(undefined), false, 'no answer');
  assert.equal(servedAsYaml(undefined), false);
});
