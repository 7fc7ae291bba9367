import { Then } from '@cucumber/cucumber';
import { pathThroughNginx, urlOnServicePort } from '../support/configuration/api-urls';
import { check } from '../support/checks/check';
import { getThroughNginx } from '../support/host/host-apis';
import { describeAnswer, httpGetInHost } from '../support/probes/http';
import { TIMEOUTS } from '../support/runtime/timeouts';
import type { HarnessWorld } from '../support/runtime/world';

Then('GET {string} of the API through nginx does not answer 404', async function (this: HarnessWorld, apiPath: string) {
  const path = pathThroughNginx(this.manifest, apiPath);
  const result = await getThroughNginx(this.currentHost, path, TIMEOUTS.httpRequest);
  check(result.value !== undefined && result.value.status !== 404, {
    expected: `GET https://HOST${path} to reach ${this.manifest.name} through nginx (an answer other than 404)`,
    found: describeAnswer(result),
    evidence: result.evidence,
  });
});

Then('GET {string} of the API through nginx without a token answers 401 when the manifest says the API needs one', async function (this: HarnessWorld, apiPath: string) {
  if (!this.manifest.api.requiresToken) {
    this.log('the manifest says the API needs no token: no 401 expected');
    return;
  }
  const path = pathThroughNginx(this.manifest, apiPath);
  const result = await getThroughNginx(this.currentHost, path, TIMEOUTS.httpRequest);
  check(result.value?.status === 401, {
    expected: `GET https://HOST${path} without X-Auth-Token to answer 401 (the manifest says the API requires a token)`,
    found: describeAnswer(result),
    evidence: result.evidence,
  });
});

Then("GET {string} of the API answers on the service's own port", async function (this: HarnessWorld, apiPath: string) {
  const url = urlOnServicePort(this.manifest, apiPath);
  const result = await httpGetInHost(this.currentHost, url, TIMEOUTS.httpRequest);
  check(result.value !== undefined && result.value.status !== 404, {
    expected: `GET ${url} (the manifest's ${this.manifest.api.protocol} port, in the host) to answer, not 404`,
    found: describeAnswer(result),
    evidence: result.evidence,
  });
});
