// What counts as the service's own answer to a GET, through nginx or on its own port.

/** Statuses nginx itself sends when the service behind it does not answer. */
const PROXY_ERRORS = [502, 503, 504];

/**
 * The service answered the request itself: 2xx, or 401/403 when its API needs a token.
 * Never 404 (no such route), never a proxy error or any other 5xx (a location proxying
 * to a port where nothing listens must not pass as an answer).
 */
export function isServiceAnswer(status: number, requiresToken: boolean): boolean {
  return (status >= 200 && status < 300) || (requiresToken && (status === 401 || status === 403));
}

/** Where the manifest says the API needs a token, a request without one is refused with 401. */
export function refusedWithoutToken(status: number): boolean {
  return status === 401;
}

export function expectedAnswer(requiresToken: boolean): string {
  return requiresToken ? '2xx, or 401/403 without a token' : '2xx (the manifest says no token is needed)';
}

/** Says which kind of wrong answer a status is, for failure messages. */
export function wrongAnswerKind(status: number): string {
  if (status === 404) return 'no such route';
  if (PROXY_ERRORS.includes(status)) return "nginx's own proxy error: the service behind it did not answer";
  if (status >= 500) return 'a server error';
  if (status === 401 || status === 403) return 'refused without a token, where the manifest says none is needed';
  return 'not a success';
}
