// Validating an OpenAPI document costs about 0.5 s of CPU (loading swagger-parser and compiling
// the OpenAPI JSON schemas; measured 2026-12-07), for an answer that depends only on the
// document's text and the installed libraries (package-lock.json): the same text is validated
// once per machine, and the broken examples mostly serve wazo-foo's document.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cachedAnswer } from '../json-cache';
import { PATHS } from '../paths';
import { validateOpenApi } from '../rules/openapi';

export interface Validation {
  /** 'Swagger 2.0' or 'OpenAPI 3.x.y', when the document says which it is. */
  kind?: string;
  /** Empty when the document is valid. */
  errors: string[];
}

function isValidation(value: unknown): value is Validation {
  const v = value as Partial<Validation> | null;
  return typeof v === 'object' && v !== null && Array.isArray(v.errors) && v.errors.every((e) => typeof e === 'string') && (v.kind === undefined || typeof v.kind === 'string');
}

export function validatedOnce(text: string): Promise<Validation> {
  const libraries = readFileSync(join(PATHS.root, 'package-lock.json'), 'utf8');
  return cachedAnswer('openapi', [libraries, text], isValidation, async () => {
    const { kind, errors } = await validateOpenApi(text);
    return kind === undefined ? { errors } : { kind, errors };
  });
}
