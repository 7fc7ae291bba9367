// A failure's message trimmed to what decided it, for the reports people read: the whole
// message (every line of every command's output) is in the scenario's diagnostics file.
/** A command's output this short is shown whole. */
const WHOLE = 8;
/** At most this many decisive lines of one command's output. */
const MOST = 12;

/** The "found:" line and the lines that continue it (a table of findings), up to "evidence:". */
function foundText(message: string): string {
  const start = message.search(/^found:/m);
  const end = message.search(/^evidence:/m);
  return start < 0 ? '' : message.slice(start + 'found:'.length, end > start ? end : undefined);
}

/**
 * The words of what was found that name something precise (a port, an address, a path, a
 * version, a pid): the output lines that contain one are the ones that decided the check.
 */
function clues(found: string): string[] {
  return found
    .split(/[\s,;()'"[\]]+/)
    // A socket's transport suffix (`[::]:9599/udp`) is the finding's, not ss's, which writes `*:9599`.
    .map((word) => word.replace(/\/(tcp|udp)$/, '').replace(/[.:]+$/, ''))
    .filter((word) => word.length >= 3 && /[0-9./:A-Z_]/.test(word));
}

function trimOutput(output: string[], words: string[]): string[] {
  if (output.length <= WHOLE) return output;
  const decisive = output.filter((line) => words.some((word) => line.includes(word))).slice(0, MOST);
  const shown = decisive.length > 0 ? decisive : output.slice(0, WHOLE);
  return [...shown, `    ... (${output.length - shown.length} more lines: see the full failure in diagnostics)`];
}

/** Container ids (64 hex digits, e.g. in cgroup paths) shortened as docker shows them. */
function shortenIds(line: string): string {
  return line.replace(/\b([0-9a-f]{12})[0-9a-f]{52}\b/g, '$1');
}

/**
 * The message with each command's output (the lines indented under "  $ command") cut to the
 * lines that contain a clue of the "found" line, trailing blanks and long ids shortened;
 * expected, found and the commands themselves are kept.
 */
export function decisiveLines(message: string): string {
  const words = clues(foundText(message));
  const kept: string[] = [];
  let output: string[] = [];
  let inCommand = false;
  const flush = () => {
    kept.push(...trimOutput(output, words));
    output = [];
  };
  for (const line of message.split('\n')) {
    if (inCommand && line.startsWith('    ')) {
      output.push(line);
      continue;
    }
    flush();
    kept.push(line);
    inCommand = line.startsWith('  $ ');
  }
  flush();
  return kept.map((line) => shortenIds(line.trimEnd())).join('\n');
}
