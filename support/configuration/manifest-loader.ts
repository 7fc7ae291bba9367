import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { displayPath } from '../display-path';
import Ajv, { type ErrorObject } from 'ajv';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { HarnessError } from '../errors';
import { PORTS_DOCUMENTATION } from '../ports/flow-table';
import type { ServiceManifest } from './manifest';
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
  const data: unknown = document.toJS();
  if (!validate(data)) {
    const lines = withoutBranchErrors(validate.errors ?? []).map((e) => describeSchemaError(e, shown, document, lineCounter));
    throw new HarnessError(
      'configuration',
      `manifest ${shown} does not match the manifest schema:\n  ${lines.join('\n  ')}`,
      'correct the fields listed (the fields and their allowed values are documented in README.md, "Service manifests")',
    );
  }
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
    },
    unit: doc.unit ?? `${doc.name}.service`,
    user: doc.user,
    logFile: doc.logFile,
    pidFile: doc.pidFile,
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

function describeSchemaError(error: ErrorObject, file: string, document: Document, lines: LineCounter): string {
  const path = error.instancePath.split('/').filter(Boolean);
  let field = path.join('.');
  let detail = error.message ?? 'is invalid';
  switch (error.keyword) {
    case 'additionalProperties': {
      const unknown = String(error.params.additionalProperty);
      path.push(unknown);
      field = path.join('.');
      detail = 'is not a known field (remove it or check its spelling)';
      break;
    }
    case 'required':
      field = [...path, String(error.params.missingProperty)].join('.');
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
  const node = document.getIn(path, true);
  const offset = isNode(node) && node.range ? node.range[0] : 0;
  const found = isNode(node) ? ` (found ${JSON.stringify((node as { toJSON(): unknown }).toJSON())})` : '';
  return `${file}:${lines.linePos(offset).line}: ${field || '(top level)'} ${detail}${error.keyword === 'required' ? '' : found}`;
}
