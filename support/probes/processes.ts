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
  return fact(parseProcesses(evidence.stdout, (first) => first === unit), evidence);
}

/** Every process running as a user (`ps -u`), whatever unit it belongs to. */
export async function userProcesses(shell: Shell, user: string): Promise<Fact<ProcessInfo[]>> {
  const evidence = await shell.run(['ps', '--no-headers', '-u', user, '-o', 'pid=,uid=,user:32=,args=']);
  return fact(parseProcesses(evidence.stdout), evidence);
}

/** `ps` lines of "pid uid user args", each after a leading field (the unit) when `leading` judges one. */
function parseProcesses(stdout: string, leading?: (field: string) => boolean): ProcessInfo[] {
  return stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => (leading ? fields.length >= 5 && leading(fields[0]) : fields.length >= 4))
    .map((fields) => (leading ? fields.slice(1) : fields))
    .map(([pid, uid, user, ...args]) => ({ pid: Number(pid), uid: Number(uid), user, command: args.join(' ') }));
}
