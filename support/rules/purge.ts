// Pure rules of the lifecycle features (reboot, upgrade, backup, purge): what counts as
// an answer, a secret, a leftover. Kept apart from the probes so that each is unit-tested.

/**
 * The service's API answered through nginx: any status but 404 (no such route) and the
 * 5xx that nginx sends itself when the service behind it does not answer (502, 503, 504).
 */
export function apiAnswered(status: number): boolean {
  return status > 0 && status !== 404 && status < 500;
}

/** A path equals an allowed one, or lies under an allowed directory (written with a trailing /). */
export function isUnder(path: string, allowed: string): boolean {
  return allowed.endsWith('/') ? path.startsWith(allowed) || `${path}/` === allowed : path === allowed;
}

/**
 * The secret a data backup must not spread: the host's consul master token (whoever has it
 * controls the service discovery of every daemon). It may be only in the files the service
 * declares as its backed-up configuration, and in the one host file that holds it by
 * design: the daemons' default consul client config, saved with /etc/wazo/ like the real
 * tool does. Consul's own state (/var/lib/consul/, where the token file lives) must not be
 * in a data backup at all. Host private keys (/etc/ssl/, /etc/wazo/tls/) are saved by the
 * real tool on purpose, so that a restored host keeps its identity: they are not judged here.
 */
export const TOKEN_HOLDERS_BY_DESIGN = ['/etc/wazo/consul.yml'];

export function secretsOutside(membersWithToken: string[], declared: string[]): string[] {
  const allowed = [...TOKEN_HOLDERS_BY_DESIGN, ...declared];
  return membersWithToken.filter((path) => path.startsWith('/var/lib/consul/') || !allowed.some((a) => isUnder(path, a)));
}

export interface AllowedLeftover {
  path: string;
  why: string;
}

/**
 * What may differ on the host between before the install and after the purge without the
 * package being at fault (piuparts ignores the same kinds of paths). Everything else the
 * purge leaves is a leftover: Debian policy wants a purge to remove the package's files,
 * its configuration, logs and state. The system user and group stay (Debian practice), but
 * they are entries in /etc/passwd, /etc/group, /etc/shadow, /etc/gshadow, which existed
 * before: a listing of names does not see them.
 */
export const ALLOWED_AFTER_PURGE: AllowedLeftover[] = [
  { path: '/var/lib/dpkg/', why: "dpkg's database" },
  { path: '/var/lib/apt/', why: "apt's state" },
  { path: '/var/cache/apt/', why: "apt's cache" },
  { path: '/var/cache/debconf/', why: "debconf's database" },
  { path: '/var/cache/ldconfig/', why: "ldconfig's cache" },
  { path: '/etc/ld.so.cache', why: "ldconfig's cache" },
  { path: '/var/log/apt/', why: "apt's log" },
  { path: '/var/log/dpkg.log', why: "dpkg's log" },
  { path: '/var/log/alternatives.log', why: "update-alternatives' log" },
  { path: '/var/log/journal/', why: "the host's journal" },
  { path: '/var/lib/systemd/', why: "systemd's own state (timers, random seed; deb-systemd-helper's records are purged by the package's postrm)" },
  { path: '/var/lib/consul/', why: "consul's own state (raft, serf); the service's registration is checked through consul's API" },
  { path: '/var/lib/monit/', why: "monit's own state (id, state file, event queue)" },
  { path: '/var/lib/logrotate/', why: "logrotate's state" },
  { path: '/var/cache/wazo-acceptance/', why: "the harness's copy of the package and its listings" },
];

export function purgeLeftovers(added: string[]): string[] {
  return added.filter((path) => !ALLOWED_AFTER_PURGE.some((allowed) => isUnder(path, allowed.path)));
}
