// The `npm run ports` command: the network flow table (docs/ports.yml) shown, checked, and
// asked for the next free port. Exit codes: 0 fine, 1 the table has problems, 2 usage error.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { displayPath } from '../display-path';
import { ExitCode, HarnessError } from '../errors';
import {
  LAST_ALLOCATED_PORT,
  NAMED_TABLES,
  PORTS_DOCUMENTATION,
  nextFreePort,
  readFlowTable,
  renderFlowMarkdown,
  renderPortsDocumentation,
  tableConflicts,
  type ReadTable,
} from '../ports/flow-table';

type TableName = keyof typeof NAMED_TABLES;

function tableFile(table: string): string {
  return table in NAMED_TABLES ? NAMED_TABLES[table as TableName] : resolve(table);
}

/** Problems of a table: its bad rows, its conflicts, and for the project's table a stale docs/ports.md. */
function problemsOf(file: string, { table, problems }: ReadTable): string[] {
  const all = [...problems, ...tableConflicts(table)];
  if (file === NAMED_TABLES.project && all.length === 0) {
    const current = existsSync(PORTS_DOCUMENTATION) ? readFileSync(PORTS_DOCUMENTATION, 'utf8') : '';
    if (current !== renderPortsDocumentation(table)) all.push(`${displayPath(PORTS_DOCUMENTATION)} is not rendered from ${table.source}: run \`npm run ports -- docs\``);
  }
  return all;
}

/** A usage error of the command: on stderr, with the fix, exit 2. */
function usage(err: (text: string) => void, problem: string, fix: string): number {
  err(`${new HarnessError('usage', problem, fix).message}\n`);
  return ExitCode.usage;
}

function program(out: (text: string) => void, err: (text: string) => void, setCode: (code: number) => void): Command {
  /** Prints a table's problems and ends with exit 1; true when there were none. */
  const clean = (source: string, problems: string[]): boolean => {
    if (problems.length === 0) return true;
    out(`${source}: ${problems.length} problem(s)\n  ${problems.join('\n  ')}\n`);
    setCode(ExitCode.checkFailed);
    return false;
  };
  const tableOption = () =>
    new Option('--table <name|file>', `the table: "project" (${displayPath(NAMED_TABLES.project)}), "guidelines" (${displayPath(NAMED_TABLES.guidelines)}), or a .yml/.md file`).default('project');
  /** Runs an action on a readable table; an unreadable or invalid one ends with exit 1. */
  const withTable = (action: (file: string, read: ReadTable) => void) => (options: { table: string }) => {
    const file = tableFile(options.table);
    // A table that is not there is a mistyped --table (usage, 2), not a table with problems (1).
    if (!existsSync(file)) {
      setCode(usage(err, `--table ${options.table}: no such table (${displayPath(file)} does not exist)`, `give "project", "guidelines", or the path of a .yml/.md flow table`));
      return;
    }
    const read = readFlowTable(file);
    if (clean(read.table.source, problemsOf(file, read))) action(file, read);
  };
  const command = new Command('npm run ports --')
    .description('The network flow table of Wazo Platform (docs/ports.yml): next free port, checks, display.')
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: () => undefined });
  command
    .command('next')
    .description(`print the next unused port above ${LAST_ALLOCATED_PORT}, the one a new daemon takes`)
    .addOption(tableOption())
    .action(withTable((_file, { table }) => out(`${nextFreePort(table)}\n`)));
  command
    .command('check')
    .description('validate the table: values, ports listed twice, docs/ports.md up to date (exit 1 on a problem)')
    .addOption(tableOption())
    .action(withTable((_file, { table }) => out(`${table.source}: ${table.flows.length} rows, no problem\n`)));
  command
    .command('show')
    .description('print the table (Markdown)')
    .addOption(tableOption())
    .action(withTable((_file, { table }) => out(`${renderFlowMarkdown(table)}\n`)));
  command
    .command('docs')
    .description(`write ${displayPath(PORTS_DOCUMENTATION)} from the project's table`)
    .action(() => {
      const read = readFlowTable(NAMED_TABLES.project);
      if (!clean(read.table.source, [...read.problems, ...tableConflicts(read.table)])) return;
      writeFileSync(PORTS_DOCUMENTATION, renderPortsDocumentation(read.table));
      out(`wrote ${displayPath(PORTS_DOCUMENTATION)}\n`);
    });
  command.addHelpText('after', '\nExamples:\n  npm run ports -- next                      # the first port above the last one taken\n  npm run ports -- next --table guidelines   # 9504\n  npm run ports -- check\n');
  return command;
}

/** Runs the command; returns its exit code (help: 0, usage error: 2). */
export function runPorts(argv: string[], out: (text: string) => void, err: (text: string) => void = out): number {
  let code: number = ExitCode.passed;
  const command = program(out, err, (c) => (code = c));
  try {
    command.parse(argv, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // --help asked for: 0; no command, or a bad one: usage error on stderr, with the fix.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return ExitCode.passed;
    const problem = error.code === 'commander.help' ? 'no command given' : error.message.replace(/^error: /, '');
    return usage(err, problem, 'use one of next, check, show, docs (see `npm run ports -- --help`)');
  }
  return code;
}

if (require.main === module) {
  process.exitCode = runPorts(
    process.argv.slice(2),
    (text) => process.stdout.write(text),
    (text) => process.stderr.write(text),
  );
}
