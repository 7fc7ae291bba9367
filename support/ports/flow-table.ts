import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import Ajv from 'ajv';
import { once } from '../once';
import MarkdownIt from 'markdown-it';
import { parse as parseYaml } from 'yaml';
import { displayPath } from '../display-path';
import { HarnessError } from '../errors';
import { isAddress } from '../ip-address';
import { PATHS } from '../paths';

/**
 * The network flow table (IN) of the guidelines: which daemon listens on which port.
 * The project keeps it as data (docs/ports.yml); docs/ports.md is rendered from it, and the
 * guidelines' own Markdown table is read with the same parser.
 */
export const PROTOCOLS = ['TCP', 'UDP', 'TCP/UDP', 'ICMP'] as const;
export const AUTHENTICATIONS = ['yes', 'no', 'both', 'IP filtering'] as const;

export interface Flow {
  /** null for a flow no daemon owns (ICMP: "-" in the table). */
  daemon: string | null;
  service: string;
  protocol: (typeof PROTOCOLS)[number];
  /** null where the protocol has no port (ICMP). */
  port: number | null;
  /** Any IPv4 or IPv6 address: 0.0.0.0 or :: (every address), 127.0.0.1 or ::1, a specific one. */
  listen: string;
  authentication: (typeof AUTHENTICATIONS)[number];
  enabled: boolean;
}

export interface FlowTable {
  /** The file it was read from, as shown to the user. */
  source: string;
  flows: Flow[];
}

/** A table as read, with what is wrong in it (rows with bad values are left out of `flows`). */
export interface ReadTable {
  table: FlowTable;
  problems: string[];
}

/** The tables the project knows by name (`npm run ports -- --table NAME`). */
export const NAMED_TABLES = {
  /** The project's table: the guidelines' rows plus the services adopted here. */
  project: join(PATHS.docs, 'ports.yml'),
  /** The table as the guidelines print it. */
  guidelines: PATHS.guidelines,
} as const;
/** The project's ports documentation, rendered from the project's table. */
export const PORTS_DOCUMENTATION = join(PATHS.docs, 'ports.md');
/** "When creating a new daemon, pick the next unused port above 9503." */
export const LAST_ALLOCATED_PORT = 9503;

// Typed by compile<Flow>: JSONSchemaType cannot say "required but nullable" (daemon, port).
const flowSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['daemon', 'service', 'protocol', 'port', 'listen', 'authentication', 'enabled'],
  properties: {
    daemon: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9.+-]*$', nullable: true },
    service: { type: 'string', minLength: 1 },
    protocol: { type: 'string', enum: PROTOCOLS },
    port: { type: 'integer', minimum: 1, maximum: 65535, nullable: true },
    // An address, checked with node's parser in checkRow.
    listen: { type: 'string', minLength: 1 },
    authentication: { type: 'string', enum: AUTHENTICATIONS },
    enabled: { type: 'boolean' },
  },
} as const;
// Compiled on first use: every cucumber worker loads this module, one checks the ports.
const flowValidator = once(() => new Ajv({ allErrors: true }).compile<Flow>(flowSchema));

/** Validates one row; `where` names it in the problems ("docs/ports.yml: row 3"). */
function checkRow(row: unknown, where: string, problems: string[]): Flow | undefined {
  const validateFlow = flowValidator();
  if (validateFlow(row)) {
    if ((row.protocol === 'ICMP') !== (row.port === null)) problems.push(`${where}: ${row.protocol === 'ICMP' ? 'ICMP has no port' : 'a port is required'}`);
    else if (!isAddress(row.listen)) problems.push(`${where}: listen must be an IPv4 or IPv6 address (found ${JSON.stringify(row.listen)})`);
    else return row;
  } else {
    for (const e of validateFlow.errors ?? []) {
      const field = e.instancePath.slice(1) || String(e.params.additionalProperty ?? e.params.missingProperty ?? 'row');
      const allowed = e.keyword === 'enum' ? `one of: ${(e.params.allowedValues as unknown[]).join(', ')}` : e.message;
      problems.push(`${where}: ${field} must be ${allowed?.replace(/^must be /, '')} (found ${JSON.stringify((row as Record<string, unknown>)?.[field])})`);
    }
  }
  return undefined;
}

const COLUMNS = ['Daemon Name', 'Service', 'Protocol', 'Port', 'Listen', 'Authentication', 'Enabled'] as const;

/** A table row: its cells' inline source and its line in the document (1-based). */
interface MarkdownRow {
  cells: string[];
  line: number;
}

/**
 * The document's tables, header row first, as markdown-it reads them: escaped pipes, pipes in
 * code spans and rows with missing cells are read as a renderer would, which splitting lines
 * on `|` does not.
 */
function markdownTables(text: string): MarkdownRow[][] {
  const tables: MarkdownRow[][] = [];
  let row: MarkdownRow | undefined;
  for (const token of new MarkdownIt().parse(text, {})) {
    if (token.type === 'table_open') tables.push([]);
    else if (token.type === 'tr_open') tables.at(-1)?.push((row = { cells: [], line: (token.map?.[0] ?? 0) + 1 }));
    else if (token.type === 'tr_close') row = undefined;
    else if (token.type === 'inline') row?.cells.push(token.content.trim());
  }
  return tables;
}

/** The first Markdown table whose header is the flow table's (Daemon Name | Service | ... | Enabled). */
export function parseFlowMarkdown(text: string, source: string): ReadTable {
  const rows = markdownTables(text).find(([header]) => header?.cells.join('|') === COLUMNS.join('|'));
  if (!rows) return { table: { source, flows: [] }, problems: [`${source}: no table with the columns ${COLUMNS.join(' | ')}`] };
  const problems: string[] = [];
  const flows: Flow[] = [];
  for (const { cells, line } of rows.slice(1)) {
    const [daemon, service, protocol, port, listen, authentication, enabled] = cells;
    const row = {
      daemon: daemon === '-' ? null : daemon,
      service,
      protocol,
      port: port === '-' ? null : /^\d+$/.test(port) ? Number(port) : port,
      listen,
      authentication,
      enabled: enabled === 'yes' ? true : enabled === 'no' ? false : enabled,
    };
    const flow = checkRow(row, `${source}:${line}`, problems);
    if (flow) flows.push(flow);
  }
  return { table: { source, flows }, problems };
}

/** The project's YAML form: `flows:` a list of rows with the table's columns. */
export function parseFlowYaml(text: string, source: string): ReadTable {
  const problems: string[] = [];
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    return { table: { source, flows: [] }, problems: [`${source}: not valid YAML: ${(error as Error).message.split('\n')[0]}`] };
  }
  const rows = (document as { flows?: unknown } | null)?.flows;
  if (!Array.isArray(rows)) return { table: { source, flows: [] }, problems: [`${source}: a top-level "flows:" list is required`] };
  const flows = rows.flatMap((row, i) => checkRow(row, `${source}: row ${i + 1}`, problems) ?? []);
  return { table: { source, flows }, problems };
}

/** Reads a table from a .md (the guidelines' form) or .yml file (the project's form). */
export function readFlowTable(file: string): ReadTable {
  const source = displayPath(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { table: { source, flows: [] }, problems: [`cannot read ${source}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`] };
  }
  return extname(file) === '.md' ? parseFlowMarkdown(text, source) : parseFlowYaml(text, source);
}

/** A table that must be valid (the checks read it): its problems are a configuration error. */
export function loadFlowTable(file: string): FlowTable {
  const { table, problems } = readFlowTable(file);
  if (problems.length > 0) {
    throw new HarnessError('configuration', `the flow table ${table.source} is invalid:\n  ${problems.join('\n  ')}`, 'fix the rows listed (`npm run ports -- check` shows them)');
  }
  return table;
}

/** Whether two protocols share a transport (TCP/UDP shares with both TCP and UDP). */
export function overlap(a: Flow['protocol'], b: Flow['protocol']): boolean {
  return a.split('/').some((p) => b.split('/').includes(p));
}

/** Rows of the table on this port and transport. */
export function flowsOnPort(table: FlowTable, port: number, protocol: Flow['protocol']): Flow[] {
  return table.flows.filter((f) => f.port === port && overlap(f.protocol, protocol));
}

/** What makes a valid table wrong as a whole: two rows on one port and transport. */
export function tableConflicts(table: FlowTable): string[] {
  return table.flows.flatMap((flow, i) =>
    table.flows
      .slice(i + 1)
      .filter((other) => flow.port !== null && other.port === flow.port && overlap(flow.protocol, other.protocol))
      .map((other) => `port ${flow.port}/${flow.protocol} is listed twice: ${flow.daemon ?? '-'} ${flow.service} and ${other.daemon ?? '-'} ${other.service}`),
  );
}

/** The next port a new daemon may take: the first one above `above` that no row uses. */
export function nextFreePort(table: FlowTable, above = LAST_ALLOCATED_PORT): number {
  const used = new Set(table.flows.map((f) => f.port));
  let port = above + 1;
  while (used.has(port)) port++;
  return port;
}

export function renderFlowMarkdown(table: FlowTable): string {
  const rows = table.flows.map((f) => [f.daemon ?? '-', f.service, f.protocol, f.port === null ? '-' : String(f.port), f.listen, f.authentication, f.enabled ? 'yes' : 'no']);
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i].length)));
  const line = (r: readonly string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(COLUMNS), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** docs/ports.md: the project's ports documentation, rendered from the project's table. */
export function renderPortsDocumentation(table: FlowTable): string {
  return [
    '# Ports',
    '',
    `<!-- Rendered from ${table.source} by \`npm run ports -- docs\`: edit that file, not this one. -->`,
    '',
    'Network flow table (IN) of Wazo Platform: the ports its daemons listen on. The rows of the',
    '[new-service guidelines](new-service-guidelines.md) come first, then the services adopted by',
    'this project. A new daemon takes the next unused port above 9503: `npm run ports -- next`.',
    '',
    renderFlowMarkdown(table),
    '',
  ].join('\n');
}
