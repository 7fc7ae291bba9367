import { APT_ARCHIVES_COMMAND } from '../support/probes/apt-index-targets';

/** `apt-get indextargets` records (deb822) for the archive specs: only the fields the harness reads and a few others. */
export function indexTarget(fields: { uri: string; release: string; component?: string; origin: string; suite: string; codename: string }): string {
  return [
    `MetaKey: ${fields.component ?? 'main'}/binary-amd64/Packages`,
    'ShortDesc: Packages',
    `Codename: ${fields.codename}`,
    `Origin: ${fields.origin}`,
    `Suite: ${fields.suite}`,
    `Component: ${fields.component ?? 'main'}`,
    'Identifier: Packages',
    `Release: ${fields.release}`,
    `Repo-URI: ${fields.uri}`,
    'Target-Of: deb',
    '',
  ].join('\n');
}

/** The command the archive probes run, as the fake shell keys it. */
export const INDEX_TARGETS_COMMAND = APT_ARCHIVES_COMMAND.join(' ');
