import { fact, type Fact, type Shell } from './evidence';

export interface ProcessInfo {
  pid: number;
  uid: number;
  user: string;
  command: string;
}

/**
 * Every process in the unit's control group (a daemon that forks workers is judged whole),
 * filtered in the host so that the evidence shows only the service's processes.
 */
export async function unitProcesses(shell: Shell, unit: string): Promise<Fact<ProcessInfo[]>> {
  const script = `ps -e --no-headers -o unit:100=,pid=,uid=,user:32=,args= | awk -v unit=${unit} '$1 == unit { $1 = $1; print }'`;
  const evidence = await shell.run(['sh', '-c', script]);
  const processes = evidence.stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length >= 5 && fields[0] === unit)
    .map(([, pid, uid, user, ...args]) => ({ pid: Number(pid), uid: Number(uid), user, command: args.join(' ') }));
  return fact(processes, evidence);
}

/** Every process running as a user (`ps -u`), whatever unit it belongs to. */
export async function userProcesses(shell: Shell, user: string): Promise<Fact<ProcessInfo[]>> {
  const evidence = await shell.run(['ps', '--no-headers', '-u', user, '-o', 'pid=,uid=,user:32=,args=']);
  const processes = evidence.stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length >= 4)
    .map(([pid, uid, name, ...args]) => ({ pid: Number(pid), uid: Number(uid), user: name, command: args.join(' ') }));
  return fact(processes, evidence);
}
