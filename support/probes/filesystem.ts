import { fact, type Fact, type Shell } from './evidence';

/**
 * A listing of the host's persistent filesystem, like piuparts takes before installing and
 * after purging: one "TYPE PATH" line per entry of the root filesystem (-xdev leaves out
 * /proc, /sys, /dev and the tmpfs /run and /tmp, emptied at every boot). It is written to a
 * file in the host, so that comparing two listings shows only the difference as evidence.
 */
export function listingCommand(file: string): string {
  return `mkdir -p $(dirname ${file}) && find / -xdev -printf '%y %p\\n' 2>/dev/null | LC_ALL=C sort > ${file}; wc -l < ${file}`;
}

export async function listFilesystem(shell: Shell, file: string): Promise<Fact<number>> {
  const evidence = await shell.run(['sh', '-c', listingCommand(file)]);
  return fact(Number(evidence.stdout.trim()) || 0, evidence);
}

/** Entries of the `after` listing that the `before` listing does not have ("TYPE PATH"). */
export async function addedEntries(shell: Shell, before: string, after: string): Promise<Fact<Array<{ type: string; path: string }>>> {
  const evidence = await shell.run(['sh', '-c', `${listingCommand(after)} >/dev/null; LC_ALL=C comm -13 ${before} ${after}`]);
  return fact(
    evidence.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => ({ type: line.slice(0, 1), path: line.slice(2) })),
    evidence,
  );
}
