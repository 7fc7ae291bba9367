import { pollUntil } from '../poll';
import { fact, type Evidence, type Fact, type Shell } from './evidence';

export interface ListeningSocket {
  protocol: 'tcp' | 'udp';
  address: string;
  port: number;
  /** ss's users:((...)) field: empty for processes of other users (no CAP_SYS_PTRACE in the host). */
  process: string;
  /** The control group of the socket's creator, e.g. /system.slice/wazo-foo.service (ss -e). */
  cgroup?: string;
}

/**
 * One TCP connection to address:port from the host, closed at once: for a socket-activated
 * service, what starts its daemon (systemd starts the unit on the socket's first connection).
 */
export function connectOnce(shell: Shell, address: string, port: number): Promise<Evidence> {
  return shell.run(['timeout', '5', 'bash', '-c', `exec 3<>/dev/tcp/${address}/${port}`]);
}

/** Listening TCP sockets of the host, read with `ss` (tcp and tcp6), with the cgroup that made each. */
export async function listeningTcpSockets(shell: Shell): Promise<Fact<ListeningSocket[]>> {
  const evidence = await shell.run(['ss', '--no-header', '--listening', '--tcp', '--numeric', '--processes', '--extended']);
  return fact(parseSs(evidence.stdout, 'tcp'), evidence);
}

/**
 * Listening TCP and bound UDP sockets of the host (IPv4 and IPv6), in one read of `ss`: a UDP
 * socket has no LISTEN state, ss --listening lists it UNCONN (bound, not connected).
 */
export async function listeningSockets(shell: Shell): Promise<Fact<ListeningSocket[]>> {
  const evidence = await shell.run(['ss', '--no-header', '--listening', '--tcp', '--udp', '--numeric', '--processes', '--extended']);
  return fact(parseSs(evidence.stdout), evidence);
}

/** How often ss is asked when it could not name the sockets' cgroups. */
export const CGROUP_READ_ATTEMPTS = 3;

/**
 * The same, asked again while ss could not name a socket's cgroup. ss names them by walking
 * the cgroup2 hierarchy; on a cgroup v1 engine the host sees the machine's own, and a container
 * of the machine ending during the walk makes it fail ("Failed to get cgroup2 ID"): every socket
 * is then `unreachable:ID` (seen once in a self-test run, 2026-12-07). The evidence holds every
 * answer; `cgroupsUnread` tells whether the last one still failed.
 */
export async function listeningSocketsWithCgroups(shell: Shell, pauseMs = 500): Promise<Fact<ListeningSocket[]>> {
  const evidence: Evidence[] = [];
  // A pause between answers: containers of the machine end in bursts.
  const { last } = await pollUntil(
    async () => {
      const answer = await listeningSockets(shell);
      evidence.push(...answer.evidence);
      return answer.value;
    },
    (sockets) => !cgroupsUnread(sockets),
    { attempts: CGROUP_READ_ATTEMPTS, intervalMs: pauseMs },
  );
  return fact(last, ...evidence);
}

/** Whether ss could not name the cgroup of one of the sockets. */
export function cgroupsUnread(sockets: ListeningSocket[]): boolean {
  return sockets.some((s) => s.cgroup?.startsWith('unreachable:') === true);
}

function isSocketProtocol(word: string | undefined): word is ListeningSocket['protocol'] {
  return word === 'tcp' || word === 'udp';
}

/**
 * ss's lines. Asked for one protocol, ss starts each line with the state; asked for several,
 * with the protocol first (its Netid column): `protocol` is the one asked for, or undefined.
 */
export function parseSs(output: string, protocol?: ListeningSocket['protocol']): ListeningSocket[] {
  return output.split('\n').flatMap((line) => {
    const words = line.trim().split(/\s+/);
    const netid = protocol ?? words[0];
    const fields = protocol ? words : words.slice(1);
    if (!isSocketProtocol(netid) || fields.length < 4) return [];
    const local = fields[3];
    const cut = local.lastIndexOf(':');
    const port = Number(local.slice(cut + 1));
    if (!Number.isInteger(port)) return [];
    const rest = fields.slice(5);
    return [{
      protocol: netid,
      address: local.slice(0, cut).replace(/^\[|\]$/g, ''),
      port,
      process: rest.find((f) => f.startsWith('users:')) ?? '',
      cgroup: rest.find((f) => f.startsWith('cgroup:'))?.slice('cgroup:'.length),
    }];
  });
}

/**
 * The sockets a unit's processes opened, by the cgroup ss reports for each: it names the unit
 * even for a daemon that dropped its privileges (which ss -p cannot see without CAP_SYS_PTRACE).
 */
export function socketsOfUnit(sockets: ListeningSocket[], unit: string): ListeningSocket[] {
  return sockets.filter((s) => s.cgroup !== undefined && s.cgroup.split('/').includes(unit));
}

