import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OPENAPI_PATH, pathThroughNginx, servicePortTransport, urlOnServicePort } from './api-urls';
import type { ServiceApi } from './manifest';

const api = (protocol: ServiceApi['protocol'], listen: string): ServiceApi => ({ protocol, listen, port: 9510, version: '1.0', shortName: 'phony', requiresToken: true, paths: ['/status'] });

test("the service's own port is reached with the manifest's protocol, at its address or the loopback of its family", () => {
  assert.equal(urlOnServicePort(api('https', '127.0.0.1'), '/status'), 'https://127.0.0.1:9510/1.0/status');
  assert.equal(urlOnServicePort(api('http', '0.0.0.0'), OPENAPI_PATH), 'http://127.0.0.1:9510/1.0/api/api.yml');
  assert.equal(urlOnServicePort(api('https', '::'), '/status'), 'https://[::1]:9510/1.0/status');
});

test('an https own port is said to be verified against the host trust store; nginx paths do not depend on it', () => {
  assert.match(servicePortTransport(api('https', '127.0.0.1')), /^https, its certificate verified against the host's trust store/);
  assert.equal(servicePortTransport(api('http', '127.0.0.1')), 'http');
  assert.equal(pathThroughNginx(api('https', '127.0.0.1'), '/status'), '/api/phony/1.0/status');
});
