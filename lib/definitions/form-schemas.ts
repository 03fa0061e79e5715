/**
 * Form schemas, the JSON Schema fragments a definition gives for the data a request or a step
 * collects, as the loader checks them: compiled by their own strict Ajv instance, so a
 * misspelt keyword is an error rather than a silent no-op. Data is checked against them by
 * lib/forms/form-data.ts.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { canonicalJson } from './canonical-json';

const ajv = new Ajv2020({ allErrors: true, strict: true, coerceTypes: false });
addFormats(ajv);
const compiled = new Map<string, ValidateFunction>();

/** Compiles a form schema, throwing the compiler's message when it is not a valid schema. */
export function compileForm(schema: Record<string, unknown>): ValidateFunction {
  const key = canonicalJson(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  return validate;
}

/** Every field path a form schema declares: ['area'], ['parcel'], ['parcel', 'number'], ... */
export function formFields(schema: Record<string, unknown> | undefined, prefix: string[] = []): string[][] {
  const properties = schema?.properties;
  if (!properties || typeof properties !== 'object') return [];
  return Object.entries(properties as Record<string, Record<string, unknown>>).flatMap(([name, sub]) => [
    [...prefix, name],
    ...formFields(sub, [...prefix, name]),
  ]);
}
