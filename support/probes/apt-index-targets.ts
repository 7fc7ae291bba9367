import { fact, type Fact, type Shell } from './evidence';

/** An archive apt has Packages lists of, as its Release file describes it. */
export interface IndexTarget {
  /** The URI of the sources entry, e.g. http://deb.debian.org/debian/ */
  repoUri: string;
  /** The suite as the sources entry names it, e.g. trixie-updates. */
  release: string;
  component: string;
  /** The Release file's fields: Origin (Debian), Suite (stable), Codename (trixie-updates). */
  origin: string;
  suite: string;
  codename: string;
}

export interface AptArchives {
  /** The host's release (VERSION_CODENAME of /etc/os-release). */
  hostCodename: string;
  targets: IndexTarget[];
}

/**
 * `apt-get indextargets` is apt's own account of its sources (whatever file or format
 * declares them) joined with their Release files: no sources file nor `apt-cache policy`
 * text is parsed. Its output is deb822: records of `Field: value` lines, blank-line separated.
 */
function fieldsOf(record: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of record.split('\n')) {
    const field = /^([\w-]+):(.*)$/.exec(line);
    if (field) fields.set(field[1], field[2].trim());
  }
  return fields;
}

export function parseIndexTargets(output: string): IndexTarget[] {
  return output
    .split(/\n\s*\n/)
    .map(fieldsOf)
    .filter((fields) => fields.has('Repo-URI'))
    .map((fields) => ({
      repoUri: fields.get('Repo-URI') ?? '',
      release: fields.get('Release') ?? '',
      component: fields.get('Component') ?? '',
      origin: fields.get('Origin') ?? '',
      suite: fields.get('Suite') ?? '',
      codename: fields.get('Codename') ?? '',
    }));
}

/** The fields read, as `apt-get indextargets --format` names them: the evidence shows only these. */
const FIELDS = ['Origin', 'Suite', 'Codename', 'Repo-URI', 'Release', 'Component'];
const FORMAT = `${FIELDS.map((field) => `${field}: $(${field.toUpperCase().replace('-', '_')})`).join('\n')}\n`;

/** The host's release, then apt's Packages lists as deb822 records (the Identifier filter is apt's own). */
export const APT_ARCHIVES_COMMAND = ['sh', '-c', '. /etc/os-release && echo "$VERSION_CODENAME" && apt-get indextargets --format "$1" "Identifier: Packages"', 'apt-archives', FORMAT];

export async function aptArchives(shell: Shell): Promise<Fact<AptArchives>> {
  const evidence = await shell.run(APT_ARCHIVES_COMMAND);
  const [hostCodename = '', ...records] = evidence.stdout.split('\n');
  return fact({ hostCodename: hostCodename.trim(), targets: parseIndexTargets(records.join('\n')) }, evidence);
}
