import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { displayPath } from '../display-path';
import Ajv, { type ErrorObject } from 'ajv';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { HarnessError } from '../errors';
import { PORTS_DOCUMENTATION } from '../ports/flow-table';
import { PACKAGE_ORIGINS, type ServiceManifest } from './manifest';
import { API_NONE, manifestSchema, type ManifestDocument } from './manifest-schema';

// verbose: an anyOf error carries its branches, so that the message lists the choices.
const validate = new Ajv({ allErrors: true, verbose: true }).compile(manifestSchema);

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
      previous: doc.package.previous && { file: resolve(base, doc.package.previous.file), version: doc.package.previous.version },
      builtFrom: doc.package.builtFrom,
      repositories: doc.package.repositories ?? [],
      signedBy: doc.package.signedBy && resolve(base, doc.package.signedBy),
    },
    unit: doc.unit ?? `${doc.name}.service`,
    user: doc.user,
    logFile: doc.logFile,
    pidFile: doc.pidFile,
    ...(doc.pidFile === undefined ? { pidFileFromUnit: { read: false } } : {}),
    configDir: doc.configDir,
    api: doc.api === API_NONE ? undefined : { ...doc.api, requiresToken: doc.api.requiresToken ?? true },
    consul: doc.consul,
    supervisor: doc.supervisor,
    wazoService: doc.wazoService,
    backup: doc.backup,
    slave: doc.slave,
    portsDocumentation: doc.portsDocumentation ? resolve(base, doc.portsDocumentation) : PORTS_DOCUMENTATION,
    requirements: doc.requirements && { file: resolve(base, doc.requirements.file), names: doc.requirements.names ?? {} },
  };
}

/**
 * A field that may take one of several forms (api: none or a mapping; logFile: journal or an
 * absolute path) fails each form at its own path: one line, its anyOf's, names the choices.
 * The errors inside a mapping form (api.port...) are kept: they say what to fix in it.
 */
function withoutBranchErrors(errors: ErrorObject[]): ErrorObject[] {
  const unions = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  return errors.filter((e) => e.keyword === 'anyOf' || !unions.has(e.instancePath));
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

/** Rules between fields, which the schema does not word well: the package's origin needs its sources. */
function crossFieldProblems(doc: ManifestDocument): Problem[] {
  if (doc.package.builtFrom !== 'repositories' || (doc.package.repositories ?? []).length > 0) return [];
  return [{
    path: ['package', 'builtFrom'],
    detail: `is repositories, but package.repositories lists none: list the "deb URI SUITE COMPONENT" lines the package is fetched from, or choose another builtFrom (${PACKAGE_ORIGINS.join(', ')}) or none (the files are given)`,
    showFound: false,
  }];
}

function schemaProblem(error: ErrorObject): Problem {
  const path = error.instancePath.split('/').filter(Boolean);
  let detail = error.message ?? 'is invalid';
  switch (error.keyword) {
    case 'additionalProperties':
      path.push(String(error.params.additionalProperty));
      detail = 'is not a known field (remove it or check its spelling)';
      break;
    case 'required':
      path.push(String(error.params.missingProperty));
      detail = 'is missing (it is required)';
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
