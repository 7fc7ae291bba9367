import { fact, type Fact, type Shell } from './evidence';

export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  home: string;
  shell: string;
}

/** The user's passwd entry, as NSS resolves it (`getent`), or undefined when there is none. */
export async function passwdEntry(shell: Shell, user: string): Promise<Fact<PasswdEntry | undefined>> {
  const evidence = await shell.run(['getent', 'passwd', user]);
  return fact(evidence.exitCode === 0 ? parsePasswdLine(evidence.stdout) : undefined, evidence);
}

export function parsePasswdLine(line: string): PasswdEntry | undefined {
  const fields = line.trim().split(':');
  if (fields.length !== 7) return undefined;
  const [name, , uid, gid, , home, loginShell] = fields;
  return { name, uid: Number(uid), gid: Number(gid), home, shell: loginShell };
}

/** The names of the groups the user belongs to (primary and supplementary). */
export async function groupsOf(shell: Shell, user: string): Promise<Fact<string[]>> {
  const evidence = await shell.run(['id', '-nG', user]);
  return fact(evidence.exitCode === 0 ? evidence.stdout.trim().split(/\s+/) : [], evidence);
}
