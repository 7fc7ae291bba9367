// The value a systemd unit gives one setting, read as systemd reads it (systemd.syntax(7),
// systemd.unit(5)): the unit file, then its drop-ins in file-name order; the last assignment
// wins and an empty one resets; `#` and `;` start comments; a trailing backslash continues a
// line. No npm library reads unit files this way (ini parsers keep the first or join
// duplicates, and know neither resets nor drop-in order), hence this small reader.

/** One file of a unit as a package ships it: the unit itself or a drop-in (`UNIT.d/NAME.conf`). */
export interface UnitFileText {
  /** The path the package installs it at, e.g. /usr/lib/systemd/system/wazo-foo.service. */
  path: string;
  text: string;
}

/** The logical lines of a unit file: comments dropped, continuations joined. */
function logicalLines(text: string): string[] {
  const lines: string[] = [];
  let pending = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (pending === '' && (line.startsWith('#') || line.startsWith(';'))) continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    lines.push(pending + line);
    pending = '';
  }
  if (pending !== '') lines.push(pending);
  return lines;
}

/** The files in the order systemd applies them: the unit first, then its drop-ins by file name. */
export function inApplyOrder(files: UnitFileText[]): UnitFileText[] {
  const dropIn = (f: UnitFileText) => /\.d\/[^/]+\.conf$/.test(f.path);
  const name = (f: UnitFileText) => f.path.slice(f.path.lastIndexOf('/') + 1);
  return [...files.filter((f) => !dropIn(f)), ...files.filter(dropIn).sort((a, b) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0))];
}

/** The value of `key` in `[section]` after every file applied, or undefined when none sets it (or the last assignment is empty). */
export function unitSetting(files: UnitFileText[], section: string, key: string): string | undefined {
  let value: string | undefined;
  for (const file of inApplyOrder(files)) {
    let current = '';
    for (const line of logicalLines(file.text)) {
      const header = /^\[(.+)\]$/.exec(line);
      if (header) {
        current = header[1];
        continue;
      }
      const equals = line.indexOf('=');
      if (current !== section || equals < 0 || line.slice(0, equals).trim() !== key) continue;
      const assigned = line.slice(equals + 1).trim();
      value = assigned === '' ? undefined : assigned;
    }
  }
  return value;
}

/**
 * A path setting with its specifiers expanded as the system manager does (systemd.unit(5),
 * "Specifiers"): `%t` is /run and `%%` a percent sign. Any other specifier (a template's `%i`,
 * `%n`...) is returned as `unresolved`, for the caller to ask for the path itself.
 */
export function expandPathSpecifiers(value: string): { path: string } | { unresolved: string } {
  let unresolved: string | undefined;
  const path = value.replace(/%(.)/g, (whole, letter: string) => {
    if (letter === '%') return '%';
    if (letter === 't') return '/run';
    unresolved ??= whole;
    return whole;
  });
  return unresolved === undefined ? { path } : { unresolved };
}
