import { fact, type Fact, type Shell } from './evidence';

/** The host's own CA: TLS is verified, never turned off. */
/** The host's own CA (made at its first boot): TLS to its nginx is verified against it, never skipped. */
export const HOST_CA = '/etc/wazo/tls/ca.crt';

/** The HTTP status nginx answers for GET https://localhost<path> inside the host (0: no answer). */
export async function nginxStatus(shell: Shell, path: string): Promise<Fact<number>> {
  const evidence = await shell.run(['curl', '-sS', '-o', '/dev/null', '-w', '%{http_code}', '--max-time', '5', '--cacert', HOST_CA, `https://localhost${path}`]);
  return fact(Number(evidence.stdout.trim()) || 0, evidence);
}

/** Whether nginx accepts its configuration and reloads it. */
export async function nginxReloads(shell: Shell): Promise<Fact<boolean>> {
  const test = await shell.run(['nginx', '-t']);
  const reload = await shell.run(['systemctl', 'reload', 'nginx.service']);
  return fact(test.exitCode === 0 && reload.exitCode === 0, test, reload);
}

/** The service's API root through nginx, at the OpenAPI document the guidelines require. */
export function apiPath(shortName: string, version: string): string {
  return `/api/${shortName}/${version}/api/api.yml`;
}
