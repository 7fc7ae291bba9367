// `npm run matrix`: the services as a JSON array, for a CI matrix (one leg per service);
// `npm run matrix -- --shards N`: the slices "1/N".."N/N" for `--all --shard I/N` legs;
// `npm run matrix -- --built-from repositories`: the services whose legs fetch their package first.
import { Command, InvalidArgumentError, Option } from 'commander';
import { PACKAGE_ORIGINS, type PackageOrigin } from '../configuration/manifest';
import { ciMatrix } from '../api/matrix';
import { exitOnHarnessError, exitOnUsageError } from './usage-error';

const program = new Command('npm run matrix --')
  .description('Prints the CI matrix as JSON: the service names, or the shard slices with --shards.')
  .option('--shards <n>', 'print N shard slices instead of the services', (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`"${value}" is not a whole number >= 1`);
    return n;
  })
  .addOption(new Option('--built-from <origin>', 'print only the services whose manifest says package.builtFrom ORIGIN').choices(PACKAGE_ORIGINS))
  .action((options: { shards?: number; builtFrom?: PackageOrigin }) => exitOnHarnessError(() => {
    process.stdout.write(`${JSON.stringify(ciMatrix(options))}\n`);
  }));

exitOnUsageError(program, 'matrix').parse();
