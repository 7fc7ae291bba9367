import type { ServiceManifest } from './manifest';

/** An API path (/status) as nginx serves it: /api/<shortName>/<version>/status. */
export function pathThroughNginx(manifest: ServiceManifest, apiPath: string): string {
  return `/api/${manifest.api.shortName}/${manifest.api.version}${apiPath}`;
}

/**
 * An API path on the service's own port, as it is reached inside the host: the loopback
 * address works for both listen addresses the manifest allows.
 */
export function urlOnServicePort(manifest: ServiceManifest, apiPath: string): string {
  const { protocol, port, version } = manifest.api;
  return `${protocol}://127.0.0.1:${port}/${version}${apiPath}`;
}

/** Where the guidelines put the OpenAPI document, relative to the API root. */
export const OPENAPI_PATH = '/api/api.yml';
