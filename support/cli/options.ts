import { Command, CommanderError, Option } from 'commander';
import { HarnessError } from '../errors';

export const SUITES = ['trixie', 'bookworm'] as const;
export type Suite = (typeof SUITES)[number];

export interface AcceptanceOptions {
  service?: string;
  manifest?: string;
  package?: string;
  debian: Suite;
  tags?: string;
  keep: boolean;
  verbose: boolean;
  cleanup: boolean;
}

function program(): Command {
  return new Command('npm run acceptance --')
    .description(
      'Checks a Wazo Platform service package against the new-service guidelines.\n' +
        'Boots a fresh Debian host container (systemd, consul, nginx, monit),\n' +
        'installs the package and runs the guideline features.\n' +
        'Exit codes: 0 all checks passed, 1 a check failed, 2 usage, configuration or environment error.',
    )
    .option('--service <name>', 'service to check: its manifest is services/<name>.yml')
    .option('--manifest <file>', 'manifest of a service described outside services/')
    .option('--package <file.deb>', "check this .deb instead of the manifest's package")
    .addOption(new Option('--debian <suite>', 'Debian suite of the host').choices(SUITES).default('trixie'))
    .option('--tags <expression>', 'cucumber tag expression selecting features, e.g. "@user or @install"')
    .option('--keep', 'leave the host(s) running after the run and print how to enter them', false)
    .option('--verbose', 'show the output of image builds and debootstrap', false)
    .option('--cleanup', 'remove what earlier harness runs left behind (containers, networks, volumes), then exit', false)
    .addHelpText(
      'after',
      '\nExamples:\n  npm run acceptance -- --service wazo-foo\n  npm run acceptance -- --service wazo-foo --tags @user\n' +
        '  npm run acceptance -- --manifest ../wazo-bar/acceptance.yml --package ../wazo-bar_1.0_all.deb --keep',
    )
    .exitOverride()
    .configureOutput({ writeErr: () => undefined });
}

/** Parses the command line; returns undefined when --help was asked (already printed). */
export function parseOptions(argv: string[]): AcceptanceOptions | undefined {
  const command = program();
  try {
    command.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError && (error.code === 'commander.helpDisplayed' || error.code === 'commander.help')) return undefined;
    const message = error instanceof CommanderError ? error.message.replace(/^error: /, '') : String(error);
    throw new HarnessError('usage', message, 'see `npm run acceptance -- --help`');
  }
  const options = command.opts<AcceptanceOptions>();
  if (!options.cleanup && !options.service && !options.manifest) {
    throw new HarnessError('usage', 'no service given', 'name one with --service NAME (a manifest in services/) or --manifest FILE');
  }
  if (options.service && options.manifest) {
    throw new HarnessError('usage', '--service and --manifest both given', 'use one of them: --service for services/NAME.yml, --manifest for any other file');
  }
  return options;
}

/**
 * Features with one Examples row per service (the daily ones) tag their outline @per-service
 * and each service's Examples block with the service's name: a run keeps only its own rows.
 */
export function tagExpression(userTags: string | undefined, service: string): string {
  const ownRows = `(not @per-service or @${service})`;
  return userTags ? `(${userTags}) and ${ownRows}` : ownRows;
}
