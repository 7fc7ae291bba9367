import type SwaggerParser from '@apidevtools/swagger-parser';
import { parse } from 'yaml';
import type { HttpAnswer } from '../probes/http';

/**
 * Media types that say "YAML": the common ones and OpenAPI's own (registered with IANA as
 * application/vnd.oai.openapi, YAML by default). Wazo daemons answer application/x-yaml.
 */
const YAML_MEDIA_TYPES = ['application/x-yaml', 'application/yaml', 'text/yaml', 'text/x-yaml', 'application/vnd.oai.openapi'];

export function isYamlMediaType(mediaType: string): boolean {
  return YAML_MEDIA_TYPES.includes(mediaType.toLowerCase());
}

export function describeYamlMediaTypes(): string {
  return YAML_MEDIA_TYPES.join(', ');
}

/** The document is served: the answer is a 200 (a redirect or an error page is not the document). */
export function servesDocument(answer: HttpAnswer | undefined): answer is HttpAnswer {
  return answer?.status === 200;
}

/** The document is served as the guidelines' api.yml should be: a 200 with a YAML media type. */
export function servedAsYaml(answer: HttpAnswer | undefined): boolean {
  return servesDocument(answer) && isYamlMediaType(answer.contentType);
}

/** The fields of a Swagger 2.0 / OpenAPI 3.x document the checks read. */
export interface OpenApiDocument {
  swagger?: string;
  openapi?: string;
  basePath?: string;
  servers?: Array<{ url: string }>;
  paths?: Record<string, Record<string, unknown> | undefined>;
}

export interface OpenApiValidation {
  /** 'Swagger 2.0' or 'OpenAPI 3.x.y', when the document says which it is. */
  kind?: string;
  /** The document as parsed from YAML (also when it is invalid, when it parses). */
  document?: OpenApiDocument;
  /** Empty when the document is valid. */
  errors: string[];
}

function kindOf(document: OpenApiDocument): string | undefined {
  if (document.swagger) return `Swagger ${document.swagger}`;
  if (document.openapi) return `OpenAPI ${document.openapi}`;
  return undefined;
}

/** The YAML text as a document, or why it is not one; no validation. */
export function parseOpenApi(text: string): { document?: OpenApiDocument; error?: string } {
  let parsed: unknown;
  try {
    parsed = parse(text);
  } catch (error) {
    return { error: `not YAML: ${(error as Error).message.split('\n')[0]}` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { error: 'not a YAML mapping' };
  return { document: parsed as OpenApiDocument };
}

/**
 * Validates a YAML text as Swagger 2.0 or OpenAPI 3.x with swagger-parser (the official
 * JSON schemas of both, plus its semantic checks: $refs, duplicate operation ids, path
 * parameters). External $refs are not fetched: the document must stand on its own.
 */
export async function validateOpenApi(text: string): Promise<OpenApiValidation> {
  const { document, error } = parseOpenApi(text);
  if (!document) return { errors: [error!] };
  try {
    // swagger-parser dereferences in place: give it a copy.
    // Loaded here, not with the steps: most runs read a validation kept from an earlier one.
    const { default: parser } = await import('@apidevtools/swagger-parser');
    await parser.validate(structuredClone(document) as InstanceType<typeof SwaggerParser>['api'], { resolve: { external: false } });
    return { kind: kindOf(document), document, errors: [] };
  } catch (failure) {
    const lines = (failure as Error).message.split('\n').map((l) => l.trim()).filter(Boolean);
    return { kind: kindOf(document), document, errors: lines };
  }
}

/**
 * The document's version must match the URL it is served at (/<version>/api/api.yml).
 * Decision: what locates the API decides, not info.version (the version of the document,
 * which OpenAPI lets differ from the URL): Swagger 2.0's `basePath` must be /<version>;
 * in OpenAPI 3.x one of `servers` must have a URL path ending in /<version> (servers may
 * be absolute and carry a proxy prefix, e.g. https://wazo/api/foo/1.0).
 */
export function declaredApiRoots(document: OpenApiDocument): { field: string; values: string[] } {
  if (document.swagger) return { field: 'basePath', values: document.basePath === undefined ? [] : [document.basePath] };
  return { field: 'servers[].url', values: (document.servers ?? []).map((s) => s.url) };
}

function urlPath(url: string): string {
  return new URL(url, 'http://relative.invalid').pathname.replace(/\/+$/, '');
}

export function versionMatches(document: OpenApiDocument, version: string): boolean {
  const { field, values } = declaredApiRoots(document);
  const root = `/${version}`;
  return field === 'basePath' ? values.some((v) => v.replace(/\/+$/, '') === root) : values.some((v) => urlPath(v).endsWith(root));
}

/** Declared GET paths without path parameters ({...}), which can be requested as they are. */
export function parameterlessGetPaths(document: OpenApiDocument): string[] {
  return Object.entries(document.paths ?? {})
    .filter(([path, item]) => !path.includes('{') && item !== undefined && typeof item === 'object' && 'get' in item)
    .map(([path]) => path);
}
