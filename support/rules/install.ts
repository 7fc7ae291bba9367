// Item 9 of the checklist: what dpkg's status of an installed package must say, and which
// lines of a unit's journal say why it could not run (shown with the install failure, so the
// decisive line is on the console, not only in the diagnostics files).

/**
 * Installed and configured: dpkg's "<want> ok installed", where the selection (want) is
 * install, or hold when the package is held. A hold is judged by the packaging check (no held
 * package), not taken as a failed install.
 */
export function isInstalled(status: string | undefined): boolean {
  return status === 'install ok installed' || status === 'hold ok installed';
}

/** systemd's and daemons' ways of saying why a start failed. */
const DECISIVE = [
  /status=\d+\/[A-Z]+/, // systemd: "Main process exited, code=exited, status=217/USER"
  /\b[Ff]ailed to /, // systemd's "Failed to set up user namespacing: ...", a daemon's own "==> failed to parse /etc/consul.d/x.json: ..."
  /\b(error|Error|ERROR|fatal|Fatal|FATAL|Traceback|[Pp]ermission denied|No such file)\b/,
  /[Ff]ailed with result/,
  /\b[A-Z]\w*(Error|Exception)\b/, // the last line of a Python traceback: "ModuleNotFoundError: No module named 'yaml'"
];

/** A journal line without its time, host and writer's pid: a restart loop says the same words with each pid. */
const words = (line: string) => line.replace(/^.*?\]:\s*/, '');

/**
 * The last `count` decisive lines of a journal, in order, each said once (its last time); none
 * when nothing says why. Said once: a unit restarted five times says the same five lines each
 * time, and the daemon's own reason must not scroll out behind systemd's repeats.
 */
export function decisiveJournalLines(journal: string, count = 5): string[] {
  const lines = journal
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => DECISIVE.some((pattern) => pattern.test(line)));
  return lines.filter((line, i) => !lines.slice(i + 1).some((later) => words(later) === words(line))).slice(-count);
}
