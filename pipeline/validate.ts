/** ajv (strict, JSON Schema 2020-12) validation of a catalog before anything is written. */
import Ajv2020 from 'ajv/dist/2020';
import catalogSchema from '../schema/catalog.schema.json';
import { ErrcatError } from './errors';
import type { Catalog } from './generated/catalog';

let validator: ReturnType<Ajv2020['compile']> | undefined;

export { catalogSchema };

export function validateCatalog(catalog: Catalog, where: string): void {
  validator ??= new Ajv2020({ strict: true, allErrors: true }).compile(catalogSchema);
  if (!validator(catalog)) {
    const errors = (validator.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
    throw new ErrcatError(where, 0, `the compiled catalog does not match schema/catalog.schema.json: ${errors}`);
  }
}
