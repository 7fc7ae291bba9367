// The ar container of a .deb, read in JavaScript so that a missing, truncated or foreign file is
// refused on any machine before an engine is asked for anything (deb(5): an ar archive whose
// members are debian-binary, control.tar[.gz|.xz|.zst] and data.tar[.*]). The members' content
// (compressed tars) is left to dpkg-deb: node has no xz, the compression dpkg-deb uses by default.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

const AR_MAGIC = '!<arch>\n';
const HEADER_SIZE = 60;
const HEADER_END = '`\n';

export interface ArMember {
  name: string;
  /** Where the member's data starts in the file. */
  offset: number;
  size: number;
}

/** What is wrong with a file as a .deb, in words, or undefined when its ar structure is whole. */
export type DebProblem = { kind: 'not-a-deb' | 'truncated'; detail: string };

export interface DebStructure {
  members: ArMember[];
  problem?: DebProblem;
}

/** The members of an ar archive, reading only their headers; stops at the first that does not fit the file. */
export function readDebStructure(file: string): DebStructure {
  const fd = openSync(file, 'r');
  try {
    const length = fstatSync(fd).size;
    const read = (position: number, size: number): string => {
      const buffer = Buffer.alloc(size);
      const got = readSync(fd, buffer, 0, size, position);
      return buffer.subarray(0, got).toString('latin1');
    };
    if (read(0, AR_MAGIC.length) !== AR_MAGIC) return { members: [], problem: { kind: 'not-a-deb', detail: 'no ar archive' } };
    const members: ArMember[] = [];
    for (let position = AR_MAGIC.length; position < length; ) {
      const header = read(position, HEADER_SIZE);
      if (header.length < HEADER_SIZE || header.slice(58) !== HEADER_END) {
        return { members, problem: { kind: 'truncated', detail: `the file ends inside the header of member ${members.length + 1} (byte ${position} of ${length})` } };
      }
      // GNU ar ends names with '/'; dpkg-deb writes them without.
      const member = { name: header.slice(0, 16).trim().replace(/\/$/, ''), offset: position + HEADER_SIZE, size: Number(header.slice(48, 58).trim()) };
      if (!Number.isInteger(member.size) || member.offset + member.size > length) {
        return { members, problem: { kind: 'truncated', detail: `member ${member.name} declares ${member.size} bytes, but the file ends after ${length - member.offset}` } };
      }
      members.push(member);
      position = member.offset + member.size + (member.size % 2); // members are padded to an even offset
    }
    return { members, problem: debMembersProblem(members) };
  } finally {
    closeSync(fd);
  }
}

/** A whole ar archive is a .deb when debian-binary comes first, then control.tar* and data.tar*. */
function debMembersProblem(members: ArMember[]): DebProblem | undefined {
  const names = members.map((m) => m.name);
  if (names[0] !== 'debian-binary') return { kind: 'not-a-deb', detail: 'no ar archive starting with debian-binary' };
  const missing = ['control.tar', 'data.tar'].filter((prefix) => !names.some((n) => n.startsWith(prefix)));
  // A file cut right after a member's end is whole as ar, but misses the members after it.
  if (missing.length > 0) return { kind: 'truncated', detail: `it has no ${missing.join(' and no ')} member (members: ${names.join(', ')})` };
  return undefined;
}
