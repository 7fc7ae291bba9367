import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { displayPath } from '../display-path';
import Ajv, { type ErrorObject } from 'ajv';
import { once } from '../once';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { HarnessError } from '../errors';
import { PORTS_DOCUMENTATION } from '../ports/flow-table';
import { canonicalAddress, isAddress } from '../ip-address';
import { PACKAGE_ORIGINS, PREVIOUS_SOURCES, UNIT_ROLE_SUFFIXES, UNIT_ROLES, type DeclaredPort, type PreviousVersion, type ServiceManifest } from './manifest';
import { previousCacheFile } from './previous-cache-file';
import { API_NONE, manifestSchema, type ManifestDocument } from './manifest-schema';

// verbose: an anyOf error carries its branches, so that the message lists the choices. Compiled
// on first use: cucumber workers load this module and never read a manifest.
const manifestValidator = once(() => new Ajv({ allErrors: true, verbose: true }).compile(manifestSchema));

/** Reads, validates and completes a manifest; every problem names the file, line and field. */
export function loadManifest(file: string): ServiceManifest {
  const shown = displayPath(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new HarnessError(
      'configuration',
      `cannot read manifest ${shown}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      'give the path of an existing manifest with --manifest FILE, or a service of services/ with --service NAME',
    );
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    const lines = document.errors.map((e) => `${shown}:${lineCounter.linePos(e.pos[0]).line}: ${e.message.split('\n')[0]}`);
    throw new HarnessError('configuration', `manifest is not valid YAML:\n  ${lines.join('\n  ')}`, 'fix the YAML syntax at the line shown');
  }
  const invalid = (problems: Problem[]) => {
    const lines = problems.map(({ path, detail, showFound }) => `${locate(shown, document, lineCounter, path)} ${detail}${showFound ? found(document, path) : ''}`);
    return new HarnessError(
      'configuration',
      `manifest ${shown} does not match the manifest schema:\n  ${lines.join('\n  ')}`,
      'correct the fields listed (the fields and their allowed values are documented in README.md, "Service manifests")',
    );
  };
  const data: unknown = document.toJS();
  const validate = manifestValidator();
  if (!validate(data)) throw invalid(withoutBranchErrors(validate.errors ?? []).map(schemaProblem));
  const problems = crossFieldProblems(data);
  if (problems.length > 0) throw invalid(problems);
  return complete(data, file);
}

function complete(doc: ManifestDocument, file: string): ServiceManifest {
  const base = dirname(resolve(file));
  return {
    source: file,
    name: doc.name,
    package: {
      name: doc.package.name ?? doc.name,
      file: resolve(base, doc.package.file),
      version: doc.package.version,
      previous: doc.package.previous && previousVersion(doc, base),
      builtFrom: doc.package.builtFrom,
      repositories: doc.package.repositories ?? [],
      signedBy: doc.package.signedBy && resolve(base, doc.package.signedBy),
    },
    unit: doc.unit ?? `${doc.name}.service`,
    units: doc.units ?? [],
    user: doc.user,
    logFile: doc.logFile,
    pidFile: doc.pidFile,
    ...(doc.pidFile === undefined ? { pidFileFromUnit: { read: false } } : {}),
    configDir: doc.configDir,
    ports: doc.ports.map((p) => ({ ...p, listen: canonicalAddress(p.listen) })),
    // crossFieldProblems made sure that api.port names exactly one TCP entry of ports.
    api: doc.api === API_NONE ? undefined : { ...doc.api, listen: canonicalAddress(apiEntries(doc)[0].listen), requiresToken: doc.api.requiresToken ?? true },
    consul: doc.consul,
    supervisor: doc.supervisor,
    wazoService: doc.wazoService,
    backup: doc.backup,
    slave: doc.slave,
    portsDocumentation: doc.portsDocumentation ? resolve(base, doc.portsDocumentation) : PORTS_DOCUMENTATION,
    requirements: doc.requirements && { file: resolve(base, doc.requirements.file), names: doc.requirements.names ?? {} },
  };
}

/** The previous version: the file the manifest gives, or the place in the cache of the one apt downloads from its source. */
function previousVersion(doc: ManifestDocument, base: string): PreviousVersion | undefined {
  const { previous, repositories = [] } = doc.package;
  if (!previous) return undefined;
  if ('file' in previous) return { file: resolve(base, previous.file), version: previous.version, from: 'file' };
  return { file: previousCacheFile(doc.package.name ?? doc.name, previous.version, previous.from, repositories), version: previous.version, from: previous.from };
}

/**
 * A field that may take one of several forms (api: none or a mapping; logFile: journal or an
 * absolute path) fails each form at its own path: one line, its anyOf's, names the choices.
 * The errors inside a mapping form (api.port...) are kept: they say what to fix in it.
 */
function withoutBranchErrors(errors: ErrorObject[]): ErrorObject[] {
  // A field that moved out of a mapping form (api.listen) says where it went, in place of the choices.
  const moved = errors.filter((e) => e.keyword === 'additionalProperties' && movedField(e) !== undefined);
  const explained = new Set(moved.map((e) => e.instancePath));
  const unions = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  return errors.filter((e) => moved.includes(e) || (e.keyword === 'anyOf' ? !explained.has(e.instancePath) : !unions.has(e.instancePath)));
}

/** The fix for a field the manifest no longer has, or undefined. */
function movedField(error: ErrorObject): string | undefined {
  return MOVED_FIELDS[[...error.instancePath.split('/').filter(Boolean), String(error.params.additionalProperty)].join('.')];
}

/** The choices of an anyOf, in words: its values, the pattern a string must match (described), a mapping. */
function describeChoices(branches: Array<{ type?: string; enum?: unknown[]; pattern?: string; required?: string[]; description?: string }>): string {
  return branches
    .map((b) => (b.enum ? b.enum.map(String).join(', ') : b.pattern ? `${b.description ?? 'a string'} (matching ${b.pattern})` : b.type === 'object' ? `a mapping of ${(b.required ?? []).join(', ')}` : String(b.type)))
    .join(' or ');
}

/** What is wrong with a field: its path, in words, and whether to show the value found. */
interface Problem {
  path: string[];
  detail: string;
  showFound: boolean;
}

/** The TCP entries of ports the API's port names. */
function apiEntries(doc: ManifestDocument): DeclaredPort[] {
  return doc.api === API_NONE ? [] : doc.ports.filter((p) => p.protocol === 'tcp' && p.port === (doc.api as { port: number }).port);
}

const ADDRESS_CHOICES = 'an IPv4 or IPv6 address: 0.0.0.0 or :: (every address), 127.0.0.1 or ::1 (loopback), or a specific one';

/**
 * Rules between fields, which the schema does not word well: the package's origin needs its
 * sources, each listen is an address, the API is served on one TCP entry of ports.
 */
function crossFieldProblems(doc: ManifestDocument): Problem[] {
  const problems: Problem[] = doc.ports.flatMap((p, i) => (isAddress(p.listen) ? [] : [{ path: ['ports', String(i), 'listen'], detail: `must be ${ADDRESS_CHOICES}`, showFound: true }]));
  if (doc.package.builtFrom === 'repositories' && (doc.package.repositories ?? []).length === 0) {
    problems.push({
      path: ['package', 'builtFrom'],
      detail: `is repositories, but package.repositories lists none: list the "deb URI SUITE COMPONENT" lines the package is fetched from, or choose another builtFrom (${PACKAGE_ORIGINS.join(', ')}) or none (the files are given)`,
      showFound: false,
    });
  }
  const previous = doc.package.previous;
  if (previous && 'from' in previous && previous.from === 'repositories' && (doc.package.repositories ?? []).length === 0) {
    problems.push({
      path: ['package', 'previous', 'from'],
      detail: `is repositories, but package.repositories lists none: list the "deb URI SUITE COMPONENT" lines the previous version is downloaded from, or choose another source (${PREVIOUS_SOURCES.join(', ')}) or give the file: previous: { file: FILE.deb, version: VERSION }`,
      showFound: false,
    });
  }
  problems.push(...unitProblems(doc));
  if (doc.api !== API_NONE && problems.length === 0) {
    const entries = apiEntries(doc);
    const tcp = doc.ports.filter((p) => p.protocol === 'tcp').map((p) => p.port);
    if (entries.length !== 1) {
      problems.push({
        path: ['api', 'port'],
        detail: entries.length === 0
          ? `is not a tcp port of ports (${tcp.length > 0 ? `its tcp ports: ${tcp.join(', ')}` : 'it has none'}): add { port: ${doc.api.port}, protocol: tcp, listen: ADDRESS } to ports, or name the tcp port the API is served on`
          : `names ${entries.length} tcp entries of ports (listen ${entries.map((p) => p.listen).join(', ')}): the API is served on one address, keep one entry for port ${doc.api.port}/tcp`,
        showFound: true,
      });
    }
  }
  return problems;
}

/** Each of the package's other units ends as its role says; one activation socket at most, each unit listed once. */
function unitProblems(doc: ManifestDocument): Problem[] {
  const units = doc.units ?? [];
  const choices = UNIT_ROLES.map((role) => `${role} (a ${UNIT_ROLE_SUFFIXES[role]} unit)`).join(', ');
  const problems: Problem[] = units.flatMap((u, i) =>
    u.unit.endsWith(UNIT_ROLE_SUFFIXES[u.role]) ? [] : [{ path: ['units', String(i), 'unit'], detail: `is not a ${UNIT_ROLE_SUFFIXES[u.role]} unit, as role ${u.role} needs: the roles are ${choices}`, showFound: true }],
  );
  const activations = units.flatMap((u, i) => (u.role === 'activation' ? [i] : []));
  if (activations.length > 1) {
    problems.push({ path: ['units', String(activations[1]), 'role'], detail: `is activation, and so is units.${activations[0]}: one socket starts the service, give the others role ${UNIT_ROLES.filter((r) => r !== 'activation').join(', ')} or leave them out`, showFound: true });
  }
  units.forEach((u, i) => {
    if (units.findIndex((o) => o.unit === u.unit) !== i) problems.push({ path: ['units', String(i), 'unit'], detail: 'is listed twice: list each unit once, with its role', showFound: true });
  });
  return problems;
}

/** What replaced a field the manifest no longer has: the fix, in the refusal. */
const MOVED_FIELDS: Record<string, string> = {
  'api.listen': 'is no longer a field of api: the API\'s address is the listen of its entry in ports, e.g. ports: [{ port: 9504, protocol: tcp, listen: 127.0.0.1 }] with api.port: 9504',
};

/** What a missing field must say, where "it is required" alone does not tell what to write. */
const MISSING_FIELDS: Record<string, string> = {
  ports: 'is missing (it is required): list every port the service listens on, the API\'s included, e.g. ports: [{ port: 9504, protocol: tcp, listen: 127.0.0.1 }] (protocol tcp or udp, listen any IPv4 or IPv6 address), or ports: [] if it listens on none',
};

function schemaProblem(error: ErrorObject): Problem {
  const path = error.instancePath.split('/').filter(Boolean);
  let detail = error.message ?? 'is invalid';
  switch (error.keyword) {
    case 'additionalProperties':
      path.push(String(error.params.additionalProperty));
      detail = movedField(error) ?? 'is not a known field (remove it or check its spelling)';
      break;
    case 'required':
      path.push(String(error.params.missingProperty));
      detail = MISSING_FIELDS[path.join('.')] ?? 'is missing (it is required)';
      break;
    case 'enum':
      detail = `must be one of: ${(error.params.allowedValues as unknown[]).map(String).join(', ')}`;
      break;
    case 'pattern':
      detail = `must match ${String(error.params.pattern)}`;
      break;
    case 'anyOf':
      detail = `must be ${describeChoices(error.schema as Parameters<typeof describeChoices>[0])}`;
      break;
  }
  // A missing field has no value; its line is its parent's.
  return { path, detail, showFound: error.keyword !== 'required' };
}

/** `FILE:LINE: field`, the line of the field's value (of its nearest parent that is written). */
function locate(file: string, document: Document, lines: LineCounter, path: string[]): string {
  let node: unknown;
  for (let depth = path.length; depth >= 0 && !isNode(node); depth--) node = document.getIn(path.slice(0, depth), true);
  const offset = isNode(node) && node.range ? node.range[0] : 0;
  return `${file}:${lines.linePos(offset).line}: ${path.join('.') || '(top level)'}`;
}

function found(document: Document, path: string[]): string {
  const node = document.getIn(path, true);
  return isNode(node) ? ` (found ${JSON.stringify((node as { toJSON(): unknown }).toJSON())})` : '';
}

/**
 * `FILE:LINE: field` of a field of a valid manifest, for the commands that refuse a manifest
 * for their own reasons (fetch-package, a package that does not come from the repositories).
 */
export function fieldLocation(file: string, path: string[]): string {
  const lineCounter = new LineCounter();
  return locate(displayPath(file), parseDocument(readFileSync(file, 'utf8'), { lineCounter }), lineCounter, path);
}
