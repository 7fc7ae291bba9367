// `npm run matrix`: the services as a JSON array, for a CI matrix (one leg per service);
// `npm run matrix -- --shards N`: the slices "1/N".."N/N" for `--all --shard I/N` legs.
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { ServiceCatalog } from '../configuration/service-catalog';
import { exitOnUsageError } from './usage-error';

const program = new Command('npm run matrix --')
  .description('Prints the CI matrix as JSON: the service names, or the shard slices with --shards.')
  .option('--shards <n>', 'print N shard slices instead of the services', (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`"${value}" is not a whole number >= 1`);
    return n;
  })
  .action((options: { shards?: number }) => {
    const services = new ServiceCatalog(join(__dirname, '..', '..', 'services')).names();
    const matrix = options.shards ? Array.from({ length: options.shards }, (_, i) => `${i + 1}/${options.shards}`) : services;
    process.stdout.write(`${JSON.stringify(matrix)}\n`);
  });

exitOnUsageError(program, 'matrix').parse();
