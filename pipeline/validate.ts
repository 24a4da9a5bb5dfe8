/**
 * Validation of a catalog before anything is written: the validator is ajv's (strict, JSON Schema
 * 2020-12), compiled ahead of time from schema/catalog.schema.json by `npm run generate`.
 */
import catalogSchema from '../schema/catalog.schema.json';
import { ErrcatError } from './errors';
import type { Catalog } from './generated/catalog';
// @ts-expect-error: generated JavaScript (ajv standalone code) without type declarations.
import validate from './generated/validate-catalog.js';

export { catalogSchema };

interface ValidationError {
  instancePath: string;
  message?: string;
}

const validator = validate as ((data: unknown) => boolean) & { errors?: ValidationError[] | null };

export function validateCatalog(catalog: Catalog, where: string): void {
  if (!validator(catalog)) {
    const errors = (validator.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
    throw new ErrcatError(where, 0, `the compiled catalog does not match schema/catalog.schema.json: ${errors}`);
  }
}
