// `npm run fetch-package -- --manifest FILE [--dest DIR]`: downloads the package a manifest
// takes from its repositories (and its previous file) with apt on this machine; a previous
// `{ version, from }` is downloaded by the run itself (configuration/previous-package.ts).
import { resolve } from 'node:path';
import { Command } from 'commander';
import { ExitCode } from '../errors';
import { loadManifest } from '../configuration/manifest-loader';
import { fetchedLines, fetchPackages } from '../configuration/package-fetch';
import { exitOnHarnessError, exitOnUsageError } from './usage-error';

// apt-get gets the signal too and stops; the fetch's own cleanup then runs before the exit.
process.on('SIGINT', () => process.exit(ExitCode.interrupted));
process.on('SIGTERM', () => process.exit(ExitCode.terminated));

const program = new Command('npm run fetch-package --')
  .description("Downloads the package a manifest takes from its repositories (package.builtFrom: repositories), and its previous version when the manifest gives it as a file, to the manifest's paths or to DIR; prints each file as ROLE<TAB>PATH.")
  .requiredOption('--manifest <file>', "the service's manifest")
  .option('--dest <dir>', "write the files to DIR under apt's names instead of the manifest's paths")
  .action((options: { manifest: string; dest?: string }) => {
    exitOnHarnessError(() => process.stdout.write(fetchedLines(fetchPackages(loadManifest(resolve(options.manifest)), options.dest && resolve(options.dest)))));
  });

exitOnUsageError(program, 'fetch-package').parse();
