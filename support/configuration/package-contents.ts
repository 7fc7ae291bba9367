// What the run needs to know of a package before any host boots, read from the .deb itself:
// its dependency fields (the host's dependency layer is built from them) and the systemd unit
// it ships with its packaged drop-ins (what the manifest leaves to the unit, e.g. the PID file).
// Read with dpkg-deb: the machine's own when it has one, else in a throwaway container of the
// base image (node cannot decompress a data.tar.xz); kept by the package's bytes, so a warm
// run reads nothing.
import { spawnSync } from 'node:child_process';
import { basename, dirname } from 'node:path';
import type Docker from 'dockerode';
import { displayPath } from '../display-path';
import { runOneShot } from '../docker/one-shot';
import type { RunIdentity } from '../docker/run-labels';
import { HarnessError } from '../errors';
import { cachedAnswer } from '../json-cache';
import { hasLocalDpkgDeb } from './package-preflight';
import { fileSha256 } from './package-record';
import type { UnitFileText } from './unit-file';

/** Where packages install units (/lib for packages not yet moved to merged /usr), in systemd's order. */
const UNIT_DIRECTORIES = ['/usr/lib/systemd/system', '/lib/systemd/system'];
const DEPENDENCY_FIELDS = ['Pre-Depends', 'Depends'] as const;

// One line per fact (`field NAME BASE64`, `unit-file PATH BASE64`): a container's output comes
// through a terminal, which would otherwise mangle line ends and drop blank lines.
const READ_CONTENTS = `set -e
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
dpkg-deb --extract "$0" "$dir"
for field in ${DEPENDENCY_FIELDS.join(' ')}; do
  printf 'field %s %s\\n' "$field" "$(dpkg-deb --field "$0" "$field" | base64 -w0)"
done
for directory in ${UNIT_DIRECTORIES.join(' ')}; do
  for file in "$dir$directory/$1" "$dir$directory/$1.d"/*.conf; do
    if [ -f "$file" ]; then printf 'unit-file %s %s\\n' "\${file#"$dir"}" "$(base64 -w0 "$file")"; fi
  done
done`;

export interface PackagedUnit {
  /** The unit file itself, or undefined when the package ships none under that name. */
  unitPath: string | undefined;
  /** The unit file and its packaged drop-ins (`UNIT.d/*.conf`), as systemd would find them. */
  files: UnitFileText[];
}

export interface PackageContents extends PackagedUnit {
  /** Pre-Depends then Depends, as the control file writes them; the absent ones left out. */
  dependencies: string[];
}

function isPackageContents(value: unknown): value is PackageContents {
  const candidate = value as Partial<PackageContents> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    Array.isArray(candidate.dependencies) &&
    Array.isArray(candidate.files) &&
    (candidate.unitPath === undefined || typeof candidate.unitPath === 'string')
  );
}

/** The facts of the reader's output; of a unit file in both directories, /usr/lib's copy, as systemd prefers it. */
export function parsePackageContents(output: string, unit: string): PackageContents {
  const byName = new Map<string, UnitFileText>();
  const dependencies: string[] = [];
  for (const line of output.split(/\r?\n/)) {
    const match = /^(field|unit-file) (\S+) ?(\S*)$/.exec(line.trim());
    if (!match) continue;
    const [, kind, name, base64] = match;
    const text = Buffer.from(base64, 'base64').toString('utf8');
    if (kind === 'field') {
      if (text.trim() !== '') dependencies.push(text.trim());
      continue;
    }
    const relative = name.replace(/^(\/usr)?\/lib\/systemd\/system\//, '');
    if (!byName.has(relative)) byName.set(relative, { path: name, text });
  }
  return { dependencies, unitPath: byName.get(unit)?.path, files: [...byName.values()] };
}

function unextractable(file: string, exitCode: number | null, output: string): HarnessError {
  return new HarnessError(
    'configuration',
    `${displayPath(file)} could not be extracted to read its dependencies and unit (dpkg-deb exited ${exitCode}):\n  ${output.trim().split('\n').join('\n  ')}`,
    'rebuild the package (it may be truncated or corrupt), or give another one with --package',
  );
}

/** The dependency fields of package `file` and its unit `unit`; a package dpkg-deb cannot extract is refused. */
export async function readPackageContents(docker: Docker, baseImage: string, run: RunIdentity, file: string, unit: string): Promise<PackageContents> {
  const bytes = fileSha256(file);
  return cachedAnswer('package-contents', [bytes, unit], isPackageContents, async () => {
    if (hasLocalDpkgDeb()) {
      const local = spawnSync('sh', ['-c', READ_CONTENTS, file, unit], { encoding: 'utf8' });
      if (local.status !== 0) throw unextractable(file, local.status, local.stderr);
      return parsePackageContents(local.stdout, unit);
    }
    const { exitCode, output } = await runOneShot(docker, run, {
      image: baseImage,
      command: ['sh', '-c', READ_CONTENTS, `/pkg/${basename(file)}`, unit],
      binds: [`${dirname(file)}:/pkg:ro`],
    });
    if (exitCode !== 0) throw unextractable(file, exitCode, output);
    return parsePackageContents(output, unit);
  });
}
