import { fact, type Fact, type Shell } from './evidence';

export interface ListeningSocket {
  protocol: 'tcp' | 'udp';
  address: string;
  port: number;
  process: string;
}

/** Listening TCP sockets of the host, read with `ss` (tcp and tcp6). */
export async function listeningTcpSockets(shell: Shell): Promise<Fact<ListeningSocket[]>> {
  const evidence = await shell.run(['ss', '--no-header', '--listening', '--tcp', '--numeric', '--processes']);
  return fact(parseSs(evidence.stdout, 'tcp'), evidence);
}

export function parseSs(output: string, protocol: 'tcp' | 'udp'): ListeningSocket[] {
  return output
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length >= 4)
    .map((fields) => {
      const local = fields[3];
      const cut = local.lastIndexOf(':');
      return {
        protocol,
        address: local.slice(0, cut).replace(/^\[|\]$/g, ''),
        port: Number(local.slice(cut + 1)),
        process: fields.slice(5).join(' '),
      };
    })
    .filter((socket) => Number.isInteger(socket.port));
}
