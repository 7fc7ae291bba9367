import { fact, type Fact, type Shell } from './evidence';

export interface ProcessInfo {
  pid: number;
  uid: number;
  user: string;
  command: string;
}

/** Every process in the unit's control group: a daemon that forks workers is judged whole. */
export async function unitProcesses(shell: Shell, unit: string): Promise<Fact<ProcessInfo[]>> {
  const evidence = await shell.run(['ps', '-e', '--no-headers', '-o', 'pid=,uid=,user:32=,unit:100=,args=']);
  const processes = evidence.stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length >= 5 && fields[3] === unit)
    .map(([pid, uid, user, , ...args]) => ({ pid: Number(pid), uid: Number(uid), user, command: args.join(' ') }));
  return fact(processes, evidence);
}
