import { fact, type Fact, type Shell } from './evidence';

export interface PathInfo {
  exists: boolean;
  type?: string;
  owner?: string;
  group?: string;
  mode?: string;
}

export async function pathInfo(shell: Shell, path: string): Promise<Fact<PathInfo>> {
  const evidence = await shell.run(['stat', '--format=%F|%U|%G|%a', path]);
  if (evidence.exitCode !== 0) return fact({ exists: false }, evidence);
  const [type, owner, group, mode] = evidence.stdout.trim().split('|');
  return fact({ exists: true, type, owner, group, mode }, evidence);
}

/** Whether `user` may write `path`, asked as that user (access(2) decides, with its groups and ACLs). */
export async function writableBy(shell: Shell, path: string, user: string): Promise<Fact<boolean>> {
  const evidence = await shell.run(['test', '-w', path], { user });
  return fact(evidence.exitCode === 0, evidence);
}
