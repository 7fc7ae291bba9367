import { resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { HarnessError } from '../errors';
import { usageErrorOf } from './usage-error';
import { harnessVersion } from '../paths';
import { FORMATS, SUITES, type AcceptanceOptions, type Shard } from '../api/acceptance-options';
import { TIMEOUT_SCALE_VARIABLE, timeoutScale } from '../runtime/timeouts';
import { RUN_ID } from '../docker/run-labels';
import { defaultWorkerCount } from '../api/workers';

function program(): Command {
  return new Command('npm run acceptance --')
    .description(
      'Checks a Wazo Platform service package against the new-service guidelines.\n' +
        'Boots a fresh Debian host container (systemd, consul, nginx, monit),\n' +
        'installs the package and runs the guideline features.\n' +
        'Exit codes: 0 every applicable check passed, 1 a check failed or was blocked,\n' +
        '2 usage, configuration or environment error, 3 nothing failed but the host\n' +
        'could not answer a check (ENVIRONMENT).',
    )
    .option('--service <name>', 'service to check: its manifest is services/<name>.yml')
    .option('--manifest <file>', 'manifest of a service described outside services/')
    .option('--package <file.deb>', "check this .deb instead of the manifest's package")
    .option('--all', 'check every service of services/, each on its own host')
    .option('--shard <i/n>', 'with --all: check only the i-th of n slices of the services (a CI matrix leg)', parseShard)
    .option('--parallel <n>', 'with --all: how many services to check at once', parseParallel, 1)
    .addOption(new Option('--debian <suite>', 'Debian suite of the host').choices(SUITES).default('trixie'))
    .option('--tags <expression>', 'cucumber tag expression selecting features, e.g. "@user or @install"')
    .option('--workers <n>', 'cucumber workers; they share one installed host (default: one per scenario on a host of its own and one for the shared host, at most ' + defaultWorkerCount() + ' here)', parseParallel)
    .option('--reports-dir <dir>', 'write each service\'s reports under DIR/SERVICE/', 'reports')
    .option('--name <pattern>', 'run only the scenarios whose name matches this regular expression (repeatable: any of them)', collectPattern)
    .option('--fail-fast', 'stop at the first failed scenario; the others are reported NOT RUN')
    .option('--list', 'print the checks that would run for this service and these filters, with their checklist item, and start nothing')
    .addOption(new Option('--format <format>', 'text (the console lines, by default) or json (one JSON object per verdict on stdout)').choices(FORMATS))
    .option('--docs <dir>', 'a checkout of the documentation site (wazo-platform.org): judge checklist items 13 and 15 against it (else they are MANUAL)')
    .option('--timeout-scale <factor>', `multiply every wait by this factor on a slow machine (or set ${TIMEOUT_SCALE_VARIABLE})`, parseTimeoutScale)
    .option('--keep', 'leave the host(s) running after the run and print how to enter and remove them')
    .option('--keep-on-failure', 'leave the host(s) running only when a check failed, was blocked or could not be answered')
    .option('--verbose', 'show the output of image builds and debootstrap')
    .option('--cleanup [run]', 'remove what ended harness runs left behind, kept hosts included (containers, networks, volumes), or only that run\'s, then exit', parseRunId)
    .version(harnessVersion(), '--version', 'print the harness version and exit')
    .addHelpText(
      'after',
      '\nExamples:\n  npm run acceptance -- --service wazo-foo\n  npm run acceptance -- --service wazo-foo --tags @user\n' +
        '  npm run acceptance -- --service wazo-foo --keep-on-failure --docs ../wazo-platform.org\n' +
        '  npm run acceptance -- --manifest ../wazo-bar/acceptance.yml --package ../wazo-bar_1.0_all.deb --keep\n' +
        '  npm run acceptance -- --all --parallel 2\n  npm run acceptance -- --all --shard 1/3',
    )
    .exitOverride()
    .configureOutput({ writeErr: () => undefined });
}

/** --name may be given several times; each must be a regular expression (cucumber compiles it). */
function collectPattern(value: string, previous: string[] | undefined): string[] {
  try {
    new RegExp(value);
  } catch (error) {
    throw new InvalidArgumentError(`"${value}" is not a regular expression (${(error as Error).message})`);
  }
  return [...(previous ?? []), value];
}

function parseTimeoutScale(value: string): number {
  try {
    return timeoutScale({ [TIMEOUT_SCALE_VARIABLE]: value });
  } catch {
    throw new InvalidArgumentError(`"${value}" is not a factor between 0 and 20 (e.g. 2 doubles every wait)`);
  }
}

function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const [index, total] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!match || total < 1 || index < 1 || index > total) {
    throw new InvalidArgumentError(`"${value}" is not a slice I/N with 1 <= I <= N (e.g. 1/3)`);
  }
  return { index, total };
}

function parseRunId(value: string): string {
  if (!RUN_ID.test(value)) throw new InvalidArgumentError(`"${value}" is not a run id (8 hexadecimal digits, as "host kept" printed it)`);
  return value;
}

function parseParallel(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 8) throw new InvalidArgumentError(`"${value}" is not a whole number from 1 to 8`);
  return n;
}

/** Parses the command line; returns undefined when --help was asked (already printed). */
export function parseOptions(argv: string[]): AcceptanceOptions | undefined {
  const command = program();
  try {
    command.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError && ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(error.code)) return undefined;
    throw usageErrorOf(error instanceof Error ? error.message : String(error), 'acceptance');
  }
  const { cleanup, ...given } = command.opts<Omit<Partial<AcceptanceOptions>, 'cleanup'> & { cleanup?: true | string }>();
  // Flags absent from the command line are false here, not commander defaults: a default of
  // false would print "(default: false)" on every flag of --help.
  const options: AcceptanceOptions = {
    ...given,
    all: given.all ?? false,
    parallel: given.parallel ?? 1,
    debian: given.debian ?? 'trixie',
    reportsDir: resolve(given.reportsDir ?? 'reports'),
    ...(given.docs !== undefined ? { docs: resolve(given.docs) } : {}),
    keep: given.keep ?? false,
    keepOnFailure: given.keepOnFailure ?? false,
    verbose: given.verbose ?? false,
    cleanup: cleanup !== undefined,
    ...(typeof cleanup === 'string' ? { cleanupRun: cleanup } : {}),
    failFast: given.failFast ?? false,
    list: given.list ?? false,
    format: given.format ?? 'text',
    argv,
  };
  const sources = [options.service && '--service', options.manifest && '--manifest', options.all && '--all'].filter(Boolean);
  if (!options.cleanup && sources.length === 0) {
    throw new HarnessError('usage', 'no service given', 'name one with --service NAME (a manifest in services/), --manifest FILE, or --all');
  }
  if (sources.length > 1) {
    throw new HarnessError('usage', `${sources.join(' and ')} both given`, 'use one of them: --service for services/NAME.yml, --manifest for any other file, --all for every service');
  }
  if (options.all && options.package) {
    throw new HarnessError('usage', '--package with --all', 'a package belongs to one service: use --service NAME --package FILE.deb');
  }
  if (options.cleanup && sources.length + (options.package ? 1 : 0) > 0) {
    throw new HarnessError('usage', `--cleanup with ${[...sources, options.package && '--package'].filter(Boolean).join(' and ')}`, "run --cleanup alone (it removes what every ended run left behind, whichever service it checked), or --cleanup RUN for one run's");
  }
  if (options.keep && options.keepOnFailure) {
    throw new HarnessError('usage', '--keep and --keep-on-failure both given', '--keep keeps the hosts of every run, --keep-on-failure only of a run that did not pass: use one');
  }
  if (options.list && options.all) {
    throw new HarnessError('usage', '--list with --all', 'list one service at a time: --service NAME --list (every service runs the same features)');
  }
  if (!options.all && (options.shard || options.parallel !== 1)) {
    throw new HarnessError('usage', '--shard and --parallel only apply to --all', 'add --all, or drop them');
  }
  return options;
}
