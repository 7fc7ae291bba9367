import type { ServiceApi } from './manifest';

/** An API path (/status) as nginx serves it: /api/<shortName>/<version>/status. */
export function pathThroughNginx(api: ServiceApi, apiPath: string): string {
  return `/api/${api.shortName}/${api.version}${apiPath}`;
}

/**
 * An API path on the service's own port, as it is reached inside the host: the loopback
 * address works for both listen addresses the manifest allows.
 */
export function urlOnServicePort(api: ServiceApi, apiPath: string): string {
  const { protocol, port, version } = api;
  return `${protocol}://127.0.0.1:${port}/${version}${apiPath}`;
}

/** Where the guidelines put the OpenAPI document, relative to the API root. */
export const OPENAPI_PATH = '/api/api.yml';
