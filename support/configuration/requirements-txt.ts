/**
 * requirements.txt as pip reads it (https://pip.pypa.io/en/stable/reference/requirements-file-format/),
 * as far as the dependency check needs: which projects, and which are pinned to one version.
 *
 * A small parser of our own, on purpose: the npm parser (pip-requirements-js 1.0.3) refuses the
 * whole file on forms pip accepts and services use: `--hash=` options, `===` pins, bare URL
 * and VCS lines, `-e`, `--index-url`. The steps below are pip's own, in its order
 * (pip/_internal/req/req_file.py): join continuation lines, drop comments, split off
 * options; what is left is a PEP 508 requirement or a URL.
 */

export interface Requirement {
  /** The project's name as written; for a URL without `name @` or `#egg=`, the URL. */
  name: string;
  /** The version of an exact pin (`name==version` or `name===version`); undefined for anything else. */
  pinned?: string;
  /** The requirement as written, without its options (--hash...), for messages. */
  line: string;
}

/** pip's COMMENT_RE: `#` at the start of a line or after whitespace (not `url#egg=`). */
const COMMENT = /(^|\s+)#.*$/;

/** Physical lines joined where one ends with a backslash; a comment line never continues. */
function logicalLines(text: string): string[] {
  const lines: string[] = [];
  let pending = '';
  for (const line of text.split(/\r?\n/)) {
    if (line.endsWith('\\') && !COMMENT.test(line)) pending += `${line.slice(0, -1)} `;
    else {
      lines.push(pending + line);
      pending = '';
    }
  }
  if (pending) lines.push(pending);
  return lines;
}

/** `name`, `name[extras]`, then an optional specifier list, then an optional `; marker`. */
const NAMED = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[^\]]*\])?\s*([^;@]*?)\s*(?:;.*)?$/;
/** `name @ url`: a PEP 508 direct reference. */
const DIRECT = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[^\]]*\])?\s*@/;
/** One exact pin and nothing else: `==1.2.3` or `===1.2.3+local`. */
const EXACT = /^===?\s*([^\s,=<>!~]+)$/;

function requirementOf(spec: string): Requirement {
  const direct = DIRECT.exec(spec);
  if (direct) return { name: direct[1], line: spec };
  const named = NAMED.exec(spec);
  if (named && !spec.includes('://')) return { name: named[1], pinned: EXACT.exec(named[2])?.[1], line: spec };
  // A URL or path: pip learns the name from `#egg=` or by building it; the harness cannot build it.
  const egg = /[#&]egg=([A-Za-z0-9._-]+)/.exec(spec)?.[1];
  return { name: egg ?? spec, line: spec };
}

/**
 * The requirements of a requirements.txt: comments, blank lines and option lines (-r, -c,
 * --index-url...) are not requirements; `-e URL` is; a requirement's own options (--hash)
 * are dropped, as are its environment markers (they do not change the pin).
 */
export function parseRequirements(text: string): Requirement[] {
  return logicalLines(text).flatMap((raw) => {
    const line = raw.replace(COMMENT, '').trim();
    const editable = /^(?:-e|--editable)(?:\s+|=)(.+)$/.exec(line)?.[1];
    if (line === '' || (line.startsWith('-') && editable === undefined)) return [];
    // pip's break_args_options: the requirement ends at the first word that is an option.
    const words = (editable ?? line).split(/\s+/);
    const firstOption = words.findIndex((w) => w.startsWith('-'));
    return [requirementOf(words.slice(0, firstOption < 0 ? undefined : firstOption).join(' '))];
  });
}
