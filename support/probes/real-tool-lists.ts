// What the host's stand-ins for wazo-service and wazo-backup know: the real tools' own lists
// (a data file of the host image, recipes/host/rootfs/usr/share/wazo-host/real-tools/) and the
// drop-ins through which packages emulate the change a new service needs in the real tool.
import { fact, type Fact, type Shell } from './evidence';

/** Where the host image keeps the real tools' lists. */
export const REAL_TOOLS_DIR = '/usr/share/wazo-host/real-tools';

/** Where the list of a real tool was copied from: its header's "# source:" and "# version:" lines. */
export interface RealToolSource {
  repository: string;
  path: string;
  commit: string;
  version: string;
}

export interface RealToolList {
  source: RealToolSource;
  /** Each line of the list that is not a comment, split into its words, in the file's order. */
  lines: string[][];
}

export interface DropIn {
  /** The file's name in its directory. */
  file: string;
  /** Its lines that are neither empty nor comments, trimmed. */
  lines: string[];
}

/** A real tool's list and the drop-ins of its stand-in, as the host has them. */
export interface RealToolKnowledge {
  list: RealToolList;
  dropIns: DropIn[];
  dropInDir: string;
}

const MEANINGFUL = (line: string) => line !== '' && !line.startsWith('#');

export function parseRealToolList(text: string): RealToolList {
  const header = (key: string) => text.match(new RegExp(`^# ${key}: (.+)$`, 'm'))?.[1].trim() ?? '';
  const [repository = '', path = '', commit = ''] = header('source').split(/\s+/);
  const lines = text.split('\n').map((l) => l.trim()).filter(MEANINGFUL).map((l) => l.split(/\s+/));
  return { source: { repository, path, commit, version: header('version') }, lines };
}

/** Marks each drop-in's start in the output of the command `dropInsCommand` builds. */
const FILE_MARK = '==> ';

function dropInsCommand(dir: string): string[] {
  return ['sh', '-c', `for f in '${dir}'/*; do [ -f "$f" ] || continue; printf '${FILE_MARK}%s\\n' "\${f##*/}"; cat "$f"; echo; done`];
}

export function parseDropIns(output: string): DropIn[] {
  return output
    .split('\n')
    .reduce<DropIn[]>((dropIns, raw) => {
      if (raw.startsWith(FILE_MARK)) return [...dropIns, { file: raw.slice(FILE_MARK.length), lines: [] }];
      const line = raw.trim();
      if (dropIns.length > 0 && MEANINGFUL(line)) dropIns[dropIns.length - 1].lines.push(line);
      return dropIns;
    }, []);
}

/** The real list of `tool` the host image carries, and the drop-ins of `dropInDir`. */
export async function realToolKnowledge(shell: Shell, tool: 'wazo-service' | 'wazo-backup', dropInDir: string): Promise<Fact<RealToolKnowledge>> {
  const list = await shell.run(['cat', `${REAL_TOOLS_DIR}/${tool}.list`]);
  const dropIns = await shell.run(dropInsCommand(dropInDir));
  return fact({ list: parseRealToolList(list.stdout), dropIns: parseDropIns(dropIns.stdout), dropInDir }, list, dropIns);
}

/** How a note names the real tool's list: "repository path at commit (version)". */
export function describeSource(source: RealToolSource): string {
  return `${source.repository} ${source.path} at ${source.commit.slice(0, 8)}, version ${source.version}`;
}
