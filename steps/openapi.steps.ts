import { Then, When } from '@cucumber/cucumber';
import { OPENAPI_PATH, pathThroughNginx, urlOnServicePort } from '../support/configuration/api-urls';
import { applicableApi } from '../support/checks/applicability';
import { check } from '../support/checks/check';
import { expectedAnswer, isServiceAnswer, wrongAnswerKind } from '../support/rules/http';
import { declaredApiRoots, describeYamlMediaTypes, parameterlessGetPaths, parseOpenApi, servedAsYaml, servesDocument, versionMatches } from '../support/rules/openapi';
import { getThroughNginx } from '../support/host/host-apis';
import { describeAnswer, httpGetInHost, type HttpAnswer, type HttpResult } from '../support/probes/http';
import { TIMEOUTS } from '../support/runtime/timeouts';
import { validatedOnce } from '../support/runtime/openapi-validation';
import type { HarnessWorld } from '../support/runtime/world';

/** The fetched document's text; its absence fails the step (the 200 check says why in detail). */
function fetchedText(world: HarnessWorld): { url: string; answer: HttpAnswer; result: HttpResult } {
  const { url, result } = world.state.get('openApiDocument');
  const answer = result.value;
  check(servesDocument(answer), {
    expected: `an OpenAPI document at ${url}`,
    found: describeAnswer(result),
    evidence: result.evidence,
  });
  return { url, answer, result };
}

When("the OpenAPI document is fetched from the service's own port", async function (this: HarnessWorld) {
  const url = urlOnServicePort(applicableApi(this.manifest), OPENAPI_PATH);
  this.state.set('openApiDocument', { url, result: await httpGetInHost(this.currentHost, url, TIMEOUTS.httpRequest) });
});

When('the OpenAPI document is fetched through nginx', async function (this: HarnessWorld) {
  const path = pathThroughNginx(applicableApi(this.manifest), OPENAPI_PATH);
  this.state.set('openApiDocument', { url: `https://HOST${path}`, result: await getThroughNginx(this.currentHost, path, TIMEOUTS.httpRequest) });
});

Then('the OpenAPI document answers 200 with a YAML content type', function (this: HarnessWorld) {
  const { url, result } = this.state.get('openApiDocument');
  check(servedAsYaml(result.value), {
    expected: `GET ${url} to answer 200 with a YAML content type (${describeYamlMediaTypes()})`,
    found: describeAnswer(result),
    evidence: result.evidence,
  });
});

Then('the OpenAPI document is a valid Swagger 2.0 or OpenAPI 3.x document', async function (this: HarnessWorld) {
  const { url, answer, result } = fetchedText(this);
  const validation = await validatedOnce(answer.body);
  check(validation.errors.length === 0, {
    expected: `the document at ${url} to be valid Swagger 2.0 or OpenAPI 3.x (swagger-parser)`,
    found: `${validation.kind ?? 'neither Swagger nor OpenAPI'}, invalid: ${validation.errors.join('; ')}`,
    evidence: result.evidence,
  });
});

Then('the version of the OpenAPI document matches the URL it is served at', function (this: HarnessWorld) {
  const { url, answer, result } = fetchedText(this);
  const { document, error } = parseOpenApi(answer.body);
  const version = applicableApi(this.manifest).version;
  const roots = document && declaredApiRoots(document);
  check(document !== undefined && versionMatches(document, version), {
    expected: `the document served at ${url} to declare its API root at /${version} (Swagger 2.0 basePath, or an OpenAPI 3.x server URL ending in /${version})`,
    found: roots ? `${roots.field}: ${roots.values.join(', ') || '(none)'}` : `${error}`,
    evidence: result.evidence,
  });
});

Then("every GET path without parameters that the OpenAPI document declares answers through nginx with the service's own answer", async function (this: HarnessWorld) {
  const { answer, result } = fetchedText(this);
  const { document, error } = parseOpenApi(answer.body);
  const paths = document ? parameterlessGetPaths(document) : [];
  check(paths.length > 0, {
    expected: 'the OpenAPI document to declare at least one GET path without parameters',
    found: error ?? 'none',
    evidence: result.evidence,
  });
  const api = applicableApi(this.manifest);
  const urls = paths.map((p) => pathThroughNginx(api, p));
  const answers = await Promise.all(urls.map((path) => getThroughNginx(this.currentHost, path, TIMEOUTS.httpRequest)));
  const { requiresToken } = api;
  const missing = answers.flatMap((a, i) =>
    a.value && isServiceAnswer(a.value.status, requiresToken) ? [] : [`${urls[i]}: ${describeAnswer(a)}${a.value ? ` (${wrongAnswerKind(a.value.status)})` : ''}`],
  );
  check(missing.length === 0, {
    expected: `every declared GET path without parameters (${paths.join(', ')}) to answer through nginx ${expectedAnswer(requiresToken)}: never 404, a proxy error or another 5xx`,
    found: missing.join('; '),
    evidence: answers.flatMap((a) => a.evidence),
  });
});
