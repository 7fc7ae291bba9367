import { Then } from '@cucumber/cucumber';
import { pathThroughNginx, servicePortTransport, urlOnServicePort } from '../support/configuration/api-urls';
import { applicableApi } from '../support/checks/applicability';
import { check } from '../support/checks/check';
import { expectedAnswer, isServiceAnswer, refusedWithoutToken, wrongAnswerKind } from '../support/rules/http';
import { getThroughNginx } from '../support/host/host-apis';
import { describeAnswer, httpGetInHost, type HttpResult } from '../support/probes/http';
import { TIMEOUTS } from '../support/runtime/timeouts';
import type { HarnessWorld } from '../support/runtime/world';

/** Each of the manifest's API paths requested with `get`; the paths whose answer `ok` refuses, described. */
async function requestEveryPath(world: HarnessWorld, get: (apiPath: string) => Promise<HttpResult>, ok: (status: number) => boolean) {
  const paths = applicableApi(world.manifest).paths;
  const results = await Promise.all(paths.map(get));
  const wrong = results.flatMap((result, i) => {
    const status = result.value?.status;
    if (status !== undefined && ok(status)) return [];
    return [`${paths[i]}: ${describeAnswer(result)}${status === undefined ? '' : ` (${wrongAnswerKind(status)})`}`];
  });
  return { wrong, evidence: results.flatMap((r) => r.evidence) };
}

Then("every API path of the manifest answers through nginx with the service's own answer", async function (this: HarnessWorld) {
  const api = applicableApi(this.manifest);
  const { requiresToken, paths } = api;
  const { wrong, evidence } = await requestEveryPath(this, (p) => getThroughNginx(this.currentHost, pathThroughNginx(api, p), TIMEOUTS.httpRequest), (s) => isServiceAnswer(s, requiresToken));
  check(wrong.length === 0, {
    expected: `GET https://HOST${pathThroughNginx(api, '')}{${paths.join(',')}} through nginx to answer ${expectedAnswer(requiresToken)}: never 404, a proxy error or another 5xx`,
    found: wrong.join('; '),
    evidence,
  });
});

Then('every API path of the manifest answers 401 through nginx without a token when the manifest says the API needs one', async function (this: HarnessWorld) {
  const api = applicableApi(this.manifest);
  if (!api.requiresToken) {
    this.log('api.requiresToken is false: no 401 expected (the previous step demanded 2xx without a token)');
    return;
  }
  const { wrong, evidence } = await requestEveryPath(this, (p) => getThroughNginx(this.currentHost, pathThroughNginx(api, p), TIMEOUTS.httpRequest), refusedWithoutToken);
  check(wrong.length === 0, {
    expected: `every API path through nginx without X-Auth-Token to answer 401 (the manifest says the API requires a token)`,
    found: wrong.join('; '),
    evidence,
  });
});

Then("every API path of the manifest answers on the service's own port", async function (this: HarnessWorld) {
  const api = applicableApi(this.manifest);
  const { requiresToken } = api;
  const { wrong, evidence } = await requestEveryPath(this, (p) => httpGetInHost(this.currentHost, urlOnServicePort(api, p), TIMEOUTS.httpRequest), (s) => isServiceAnswer(s, requiresToken));
  check(wrong.length === 0, {
    expected: `GET ${urlOnServicePort(api, '')}{${api.paths.join(',')}} (the manifest's port, in the host, over ${servicePortTransport(api)}) to answer ${expectedAnswer(requiresToken)}`,
    found: wrong.join('; '),
    evidence,
  });
});
