import { addressScope, hostPort } from '../ip-address';
import type { ServiceApi } from './manifest';

/** An API path (/status) as nginx serves it: /api/<shortName>/<version>/status. */
export function pathThroughNginx(api: ServiceApi, apiPath: string): string {
  return `/api/${api.shortName}/${api.version}${apiPath}`;
}

/**
 * An API path on the service's own port, as it is reached inside the host: at its listen
 * address, or the loopback of the same family when it listens on every address.
 */
export function urlOnServicePort(api: ServiceApi, apiPath: string): string {
  const { protocol, port, version, listen } = api;
  const loopback = listen.includes(':') ? '::1' : '127.0.0.1';
  return `${protocol}://${hostPort(addressScope(listen) === 'every address' ? loopback : listen, port)}/${version}${apiPath}`;
}

/** How a request on the service's own port is made, for an expected: part: https is verified, never with --insecure. */
export function servicePortTransport(api: ServiceApi): string {
  return api.protocol === 'https' ? "https, its certificate verified against the host's trust store (the host CA)" : 'http';
}

/** Where the guidelines put the OpenAPI document, relative to the API root. */
export const OPENAPI_PATH = '/api/api.yml';
