// The 100 host assertions of the bench, from ONE list: the harness evaluates them with its
// probes, and the same list is rendered as a testinfra test module for the peer.
import { pathInfo } from '../support/probes/files';
import type { Evidence, Shell } from '../support/probes/evidence';
import { listeningTcpSockets } from '../support/probes/sockets';
import { unitState } from '../support/probes/units';
import { groupsOf, passwdEntry } from '../support/probes/users';

type FileType = 'regular file' | 'directory' | 'symbolic link';

export type HostAssertion =
  | { kind: 'user'; name: string; uid: number; home: string; shell: string }
  | { kind: 'no-user'; name: string }
  | { kind: 'in-group'; user: string; group: string }
  | { kind: 'file'; path: string; type: FileType; owner: string; group: string; mode: string }
  | { kind: 'no-file'; path: string }
  | { kind: 'listening'; address: string; port: number }
  | { kind: 'service'; unit: string; enabled: boolean };

const nologin = '/usr/sbin/nologin';
const users: Array<[string, number, string, string?]> = [
  ['root', 0, '/root', '/bin/bash'], ['daemon', 1, '/usr/sbin'], ['bin', 2, '/bin'], ['sys', 3, '/dev'], ['sync', 4, '/bin', '/bin/sync'],
  ['games', 5, '/usr/games'], ['man', 6, '/var/cache/man'], ['lp', 7, '/var/spool/lpd'], ['mail', 8, '/var/mail'], ['news', 9, '/var/spool/news'],
  ['uucp', 10, '/var/spool/uucp'], ['proxy', 13, '/bin'], ['www-data', 33, '/var/www'], ['backup', 34, '/var/backups'], ['list', 38, '/var/list'],
  ['irc', 39, '/run/ircd'], ['_apt', 42, '/nonexistent'], ['nobody', 65534, '/nonexistent'], ['systemd-network', 998, '/'],
  ['messagebus', 997, '/nonexistent'], ['consul', 100, '/var/lib/consul'], ['wazo-foo', 101, '/var/lib/wazo-foo'],
];
const memberships: Array<[string, string]> = [
  ['root', 'root'], ['daemon', 'daemon'], ['bin', 'bin'], ['sys', 'sys'], ['www-data', 'www-data'], ['backup', 'backup'],
  ['messagebus', 'messagebus'], ['consul', 'consul'], ['wazo-foo', 'wazo-foo'], ['wazo-foo', 'consul'], ['nobody', 'nogroup'], ['_apt', 'nogroup'],
];
const F = 'regular file';
const D = 'directory';
const files: Array<[string, FileType, string, string, string]> = [
  ['/etc/passwd', F, 'root', 'root', '644'], ['/etc/shadow', F, 'root', 'shadow', '640'], ['/etc/group', F, 'root', 'root', '644'],
  ['/etc/wazo/consul.yml', F, 'root', 'consul', '640'], ['/etc/wazo-foo', D, 'root', 'root', '755'], ['/etc/wazo-foo/config.yml', F, 'root', 'root', '644'],
  ['/var/log/wazo-foo.log', F, 'wazo-foo', 'wazo-foo', '644'], ['/run/wazo-foo', D, 'wazo-foo', 'wazo-foo', '755'],
  ['/run/wazo-foo/wazo-foo.pid', F, 'wazo-foo', 'wazo-foo', '644'], ['/usr/bin/wazo-foo', F, 'root', 'root', '755'],
  ['/var/lib/wazo-foo', D, 'wazo-foo', 'wazo-foo', '755'], ['/etc/wazo/tls/ca.crt', F, 'root', 'root', '644'],
  ['/var/lib/consul/master_token', F, 'consul', 'consul', '600'], ['/etc/nginx/nginx.conf', F, 'root', 'root', '644'],
  ['/etc/monit/monitrc', F, 'root', 'root', '600'], ['/lib/systemd/system/wazo-foo.service', F, 'root', 'root', '644'],
  ['/etc/nginx/locations/https-enabled', D, 'root', 'root', '755'], ['/var/lib/consul', D, 'consul', 'consul', '700'],
  ['/etc/consul.d', D, 'root', 'root', '755'], ['/tmp', D, 'root', 'root', '1777'], ['/var/tmp', D, 'root', 'root', '1777'],
  ['/usr/bin/passwd', F, 'root', 'root', '4755'], ['/usr/bin/su', F, 'root', 'root', '4755'], ['/etc/hostname', F, 'root', 'root', '644'],
  ['/etc/hosts', F, 'root', 'root', '644'], ['/etc/resolv.conf', F, 'root', 'root', '644'], ['/etc/ssl/private', D, 'root', 'root', '700'],
  ['/var/log', D, 'root', 'root', '755'], ['/etc/wazo', D, 'root', 'root', '755'], ['/etc/wazo/tls', D, 'root', 'root', '755'],
  ['/etc/wazo-foo/conf.d', D, 'root', 'root', '755'], ['/usr/sbin/wazo-service', F, 'root', 'root', '755'],
  ['/usr/sbin/wazo-backup', F, 'root', 'root', '755'], ['/etc/monit/conf.d', D, 'root', 'root', '755'],
  ['/etc/nginx/sites-enabled/wazo', 'symbolic link', 'root', 'root', '777'], ['/var/lib/dpkg/status', F, 'root', 'root', '644'],
  ['/etc/monit/conf.d/wazo-foo', F, 'root', 'root', '644'], ['/usr/share/doc/wazo-foo/copyright', F, 'root', 'root', '644'],
  ['/etc/logrotate.d/wazo-foo', F, 'root', 'root', '644'], ['/etc/consul.d/10-wazo.json', F, 'root', 'root', '644'],
  ['/etc/nginx/locations/https-enabled/wazo-foo', 'symbolic link', 'root', 'root', '777'],
];
const absentPaths = ['/etc/sudoers', '/home/wazo-foo', '/home/consul', '/root/.ssh/authorized_keys', '/etc/wazo-foo/key.yml', '/var/lib/wazo-foo/.ssh', '/etc/cron.d/wazo-foo'];
const absentUsers = ['wazo', 'foo', 'admin', 'asterisk'];
const sockets: Array<[string, number]> = [['0.0.0.0', 443], ['0.0.0.0', 80], ['127.0.0.1', 2812], ['127.0.0.1', 8300], ['127.0.0.1', 8301], ['127.0.0.1', 8302], ['127.0.0.1', 9504]];
const services: Array<[string, boolean]> = [
  ['wazo-foo.service', true], ['consul.service', true], ['nginx.service', true], ['monit.service', true],
  ['dbus.service', false], ['systemd-journald.service', false], ['systemd-logind.service', false],
];

export const HOST_ASSERTIONS: HostAssertion[] = [
  ...users.map(([name, uid, home, shell]): HostAssertion => ({ kind: 'user', name, uid, home, shell: shell ?? nologin })),
  ...absentUsers.map((name): HostAssertion => ({ kind: 'no-user', name })),
  ...memberships.map(([user, group]): HostAssertion => ({ kind: 'in-group', user, group })),
  ...files.map(([path, type, owner, group, mode]): HostAssertion => ({ kind: 'file', path, type, owner, group, mode })),
  ...absentPaths.map((path): HostAssertion => ({ kind: 'no-file', path })),
  ...sockets.map(([address, port]): HostAssertion => ({ kind: 'listening', address, port })),
  ...services.map(([unit, enabled]): HostAssertion => ({ kind: 'service', unit, enabled })),
];

export function describe(a: HostAssertion): string {
  switch (a.kind) {
    case 'user': return `user ${a.name} uid ${a.uid} home ${a.home} shell ${a.shell}`;
    case 'no-user': return `no user ${a.name}`;
    case 'in-group': return `${a.user} in group ${a.group}`;
    case 'file': return `${a.path} ${a.type} ${a.owner}:${a.group} ${a.mode}`;
    case 'no-file': return `no ${a.path}`;
    case 'listening': return `tcp ${a.address}:${a.port} listening`;
    case 'service': return `${a.unit} running${a.enabled ? ' and enabled' : ''}`;
  }
}

export interface Verdict {
  holds: boolean;
  evidence: Evidence[];
}

/** One assertion through the harness's probes: a fact with its evidence, then a comparison. */
export async function evaluate(shell: Shell, a: HostAssertion): Promise<Verdict> {
  switch (a.kind) {
    case 'user':
    case 'no-user': {
      const entry = await passwdEntry(shell, a.name);
      const holds = a.kind === 'no-user' ? entry.value === undefined : entry.value?.uid === a.uid && entry.value.home === a.home && entry.value.shell === a.shell;
      return { holds, evidence: entry.evidence };
    }
    case 'in-group': {
      const groups = await groupsOf(shell, a.user);
      return { holds: groups.value.includes(a.group), evidence: groups.evidence };
    }
    case 'file':
    case 'no-file': {
      const info = await pathInfo(shell, a.path);
      const v = info.value;
      const holds = a.kind === 'no-file' ? !v.exists : v.exists && v.type === a.type && v.owner === a.owner && v.group === a.group && v.mode === a.mode;
      return { holds, evidence: info.evidence };
    }
    case 'listening': {
      const listening = await listeningTcpSockets(shell);
      return { holds: listening.value.some((s) => s.address === a.address && s.port === a.port), evidence: listening.evidence };
    }
    case 'service': {
      const state = await unitState(shell, a.unit);
      const v = state.value;
      return { holds: v.activeState === 'active' && v.subState === 'running' && (!a.enabled || v.unitFileState === 'enabled'), evidence: state.evidence };
    }
  }
}

const py = (value: string) => JSON.stringify(value);
const pyType = { 'regular file': 'is_file', directory: 'is_directory', 'symbolic link': 'is_symlink' } as const;

/** The same assertion in testinfra's own idiom (one pytest test each). */
function testinfraBody(a: HostAssertion): string {
  switch (a.kind) {
    case 'user': return `u = host.user(${py(a.name)})\n    assert u.exists and u.uid == ${a.uid} and u.home == ${py(a.home)} and u.shell == ${py(a.shell)}`;
    case 'no-user': return `assert not host.user(${py(a.name)}).exists`;
    case 'in-group': return `assert ${py(a.group)} in host.user(${py(a.user)}).groups`;
    case 'file': return `f = host.file(${py(a.path)})\n    assert f.exists and f.${pyType[a.type]} and f.user == ${py(a.owner)} and f.group == ${py(a.group)} and f.mode == 0o${a.mode}`;
    case 'no-file': return `assert not host.file(${py(a.path)}).exists`;
    case 'listening': return `assert host.socket("tcp://${a.address}:${a.port}").is_listening`;
    case 'service': return `s = host.service(${py(a.unit)})\n    assert s.is_running${a.enabled ? ' and s.is_enabled' : ''}`;
  }
}

export function testinfraModule(assertions: HostAssertion[]): string {
  const tests = assertions.map((a, i) => `def test_${String(i).padStart(3, '0')}(host):\n    # ${describe(a)}\n    ${testinfraBody(a)}\n`);
  return `# Generated by bench/assertions.ts: the same ${assertions.length} assertions the harness's probes check.\n\n${tests.join('\n')}`;
}
