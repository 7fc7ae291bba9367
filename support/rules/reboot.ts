// Item 10 of the checklist: what a service serving again after the boot looks like.

/**
 * The service's API answered through nginx: any status but 404 (no such route) and the
 * 5xx that nginx sends itself when the service behind it does not answer (502, 503, 504).
 */
export function apiAnswered(status: number): boolean {
  return status > 0 && status !== 404 && status < 500;
}
