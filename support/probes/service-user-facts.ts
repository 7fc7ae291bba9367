import { dirname } from 'node:path';
import { fact, type Fact, type Shell } from './evidence';
import { pathInfo, writableBy, type PathInfo } from './files';
import { unitProcesses } from './processes';
import { groupsOf, passwdEntry } from './users';

function describe(info: PathInfo, writable: boolean): string {
  return info.exists ? `${info.owner}:${info.group} ${info.mode}, ${writable ? 'writable' : 'not writable'} by the service user` : 'missing';
}

/** The users the service's processes run as (sorted, each once). */
export async function processUsers(shell: Shell, unit: string): Promise<Fact<string[]>> {
  const processes = await unitProcesses(shell, unit);
  return fact([...new Set(processes.value.map((p) => p.user))].sort(), ...processes.evidence);
}

/** The service as serviceUserFacts reads it: its user, its unit, and the files it writes. */
export interface ServiceUserFiles {
  user: string;
  unit: string;
  /** Undefined when the service logs to the journal: no file to read. */
  logFile?: string;
  pidFile?: string;
}

/**
 * The facts of the @user feature as one comparable record: the user's entry and groups,
 * who the processes run as, and the owner, mode and writability of the log file and PID
 * directory. Comparing two records shows what an upgrade changed.
 */
export async function serviceUserFacts(shell: Shell, { user, unit, logFile, pidFile }: ServiceUserFiles): Promise<Fact<Record<string, string>>> {
  const [entry, groups, users] = await Promise.all([passwdEntry(shell, user), groupsOf(shell, user), processUsers(shell, unit)]);
  const facts: Record<string, string> = {
    [`user ${user}`]: entry.value ? `uid ${entry.value.uid}, home ${entry.value.home}, shell ${entry.value.shell}` : 'missing',
    [`groups of ${user}`]: groups.value.join(' '),
    'processes run as': users.value.join(' ') || '(no process)',
  };
  const evidence = [...entry.evidence, ...groups.evidence, ...users.evidence];
  if (logFile !== undefined) {
    const [log, logWritable] = await Promise.all([pathInfo(shell, logFile), writableBy(shell, logFile, user)]);
    facts[`log file ${logFile}`] = describe(log.value, logWritable.value);
    evidence.push(...log.evidence, ...logWritable.evidence);
  }
  if (pidFile) {
    const directory = dirname(pidFile);
    const [dir, dirWritable] = await Promise.all([pathInfo(shell, directory), writableBy(shell, directory, user)]);
    facts[`PID directory ${directory}`] = describe(dir.value, dirWritable.value);
    evidence.push(...dir.evidence, ...dirWritable.evidence);
  }
  return fact(facts, ...evidence);
}

/** "name: before -> after" for each fact that changed. */
export function changedFacts(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after })
    .filter((key) => before[key] !== after[key])
    .map((key) => `${key}: ${before[key] ?? '(none)'} -> ${after[key] ?? '(none)'}`);
}
