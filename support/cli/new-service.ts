// `npm run new-service -- NAME`: adopts a service. Creates its manifest with the next free
// port (reserved in docs/ports.yml, docs/ports.md re-rendered), creates features/services/NAME/
// with a starter feature, and says what to fill in. The daily features need no rows: they
// take every per-service fact from the manifest. A service that has a manifest is refused; a
// run cut short before writing it (port reserved, no manifest) is completed, adding nothing twice.
// Exit codes: 0 done, 2 usage error.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import { ExitCode, HarnessError, isHarnessError } from '../errors';
import { usageErrorOf } from './usage-error';
import { loadFlowTable, nextFreePort, renderPortsDocumentation } from '../ports/flow-table';
import { flowRow, manifestTemplate, starterFeature } from '../scaffold/templates';
import { PATHS } from '../paths';

/** Wazo daemons are named wazo-<name>: lowercase letters, digits and single dashes. */
const NAME = /^wazo-[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

function adopt(project: string, name: string, say: (line: string) => void): void {
  if (!NAME.test(name)) {
    throw new HarnessError('usage', `"${name}" is not a Wazo service name`, 'use wazo-<name>: lowercase letters and digits, words joined by single dashes (e.g. wazo-bar)');
  }
  const manifest = join('services', `${name}.yml`);
  // An adopted service is edited, not adopted again: refused before anything is written.
  if (existsSync(join(project, manifest))) {
    throw new HarnessError('usage', `${name} is already adopted: ${manifest} exists`, `edit ${manifest} (and features/services/${name}/), or choose another name; nothing was written`);
  }
  const write = (path: string, text: string, what: string) => {
    mkdirSync(dirname(join(project, path)), { recursive: true });
    writeFileSync(join(project, path), text);
    say(`created ${what}: ${path}`);
  };

  const tableFile = join(project, 'docs', 'ports.yml');
  let table = loadFlowTable(tableFile);
  let port = table.flows.find((f) => f.daemon === name)?.port ?? undefined;
  if (port === undefined || port === null) {
    port = nextFreePort(table);
    writeFileSync(tableFile, readFileSync(tableFile, 'utf8') + flowRow(name, port));
    table = loadFlowTable(tableFile);
    writeFileSync(join(project, 'docs', 'ports.md'), renderPortsDocumentation({ ...table, source: 'docs/ports.yml' }));
    say(`reserved port ${port} in docs/ports.yml (docs/ports.md re-rendered)`);
  } else {
    say(`port ${port} is already ${name}'s in docs/ports.yml`);
  }

  write(manifest, manifestTemplate(name, port), 'the manifest');

  const starter = join('features', 'services', name, `${name}.feature`);
  if (existsSync(join(project, starter))) say(`exists, left as it is: ${starter}`);
  else write(starter, starterFeature(name), 'a starter feature');

  say(
    [
      '',
      'Now:',
      `  1. fill in the TODOs of ${manifest} (package path and version first, then api.paths: the GET paths of ${name}'s API);`,
      `  2. add scenarios of ${name} alone to ${starter};`,
      `  3. run: npm run acceptance -- --service ${name}`,
    ].join('\n'),
  );
}

const program = new Command('npm run new-service --')
  .description('Adopts a new service: manifest, port, a starter feature.')
  .argument('<name>', 'the service, wazo-<name>')
  .option('--project <dir>', 'the project to change (default: this one)', PATHS.root)
  .exitOverride()
  .configureOutput({ writeErr: () => undefined })
  .action((name: string, options: { project: string }) => adopt(resolve(options.project), name, (line) => process.stdout.write(`${line}\n`)));

try {
  program.parse();
} catch (error) {
  if (error instanceof CommanderError) {
    if (error.exitCode === 0) process.exit(ExitCode.passed);
    process.stderr.write(`${usageErrorOf(error.message, 'new-service').message}\n`);
    process.exit(ExitCode.usage);
  }
  if (isHarnessError(error)) {
    process.stderr.write(`${error.message}\n`);
    process.exit(ExitCode.usage);
  }
  throw error;
}

