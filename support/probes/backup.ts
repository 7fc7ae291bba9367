import { CONSUL_TOKEN_FILE } from './consul';
import { fact, type Fact, type Shell } from './evidence';

/** Where packages emulate, for the stand-in, their addition to the real tool's list. */
export const WAZO_BACKUP_DROP_INS = '/etc/wazo-backup/paths.d';

/** Where a backup is made and unpacked in the host: not /tmp, which systemd hides under a tmpfs. */
export const BACKUP_DIR = '/var/tmp/wazo-acceptance-backup';
const EXTRACTED = `${BACKUP_DIR}/extracted`;

/** `wazo-backup data FILE` as cron runs it, then the archive unpacked for comparison; the value is the archive's member count. */
export async function makeDataBackup(shell: Shell): Promise<Fact<number>> {
  const script =
    `rm -rf ${BACKUP_DIR} && mkdir -p ${EXTRACTED} && wazo-backup data ${BACKUP_DIR}/data && ` +
    `tar -xzf ${BACKUP_DIR}/data.tgz -C ${EXTRACTED} && tar -tzf ${BACKUP_DIR}/data.tgz | wc -l`;
  const evidence = await shell.run(['sh', '-c', script]);
  return fact(evidence.exitCode === 0 ? Number(evidence.stdout.trim()) : 0, evidence);
}

export type SavedState = 'same' | 'differs' | 'missing' | 'absent-on-host';

/** Each file under the given paths, compared byte for byte with its copy in the unpacked archive. */
export async function compareWithBackup(shell: Shell, paths: string[]): Promise<Fact<Array<{ path: string; state: SavedState }>>> {
  const script =
    `for p in ${paths.map((p) => `'${p}'`).join(' ')}; do ` +
    `[ -e "$p" ] || { echo "absent-on-host $p"; continue; }; ` +
    `find "$p" -type f | LC_ALL=C sort | while read -r f; do ` +
    `if [ ! -f "${EXTRACTED}$f" ]; then echo "missing $f"; elif cmp -s "$f" "${EXTRACTED}$f"; then echo "same $f"; else echo "differs $f"; fi; done; done`;
  const evidence = await shell.run(['sh', '-c', script]);
  const lines = evidence.stdout.split('\n').filter(Boolean);
  return fact(
    lines.map((line) => ({ state: line.slice(0, line.indexOf(' ')) as SavedState, path: line.slice(line.indexOf(' ') + 1) })),
    evidence,
  );
}

/**
 * Archive members that hold the consul master token: consul's own state directory, and any
 * file whose content includes the token's value (searched inside the host, names only).
 */
export async function backupMembersWithToken(shell: Shell): Promise<Fact<string[]>> {
  const script =
    `[ -s ${CONSUL_TOKEN_FILE} ] || { echo "no token in ${CONSUL_TOKEN_FILE}" >&2; exit 2; }; token=$(cat ${CONSUL_TOKEN_FILE}); ` +
    `cd ${EXTRACTED} && { find var/lib/consul -type f 2>/dev/null; grep -rlF -- "$token" . | sed 's#^\\./##'; } | sed 's#^#/#' | LC_ALL=C sort -u`;
  const evidence = await shell.run(['sh', '-c', script]);
  return fact(evidence.stdout.split('\n').filter(Boolean), evidence);
}
