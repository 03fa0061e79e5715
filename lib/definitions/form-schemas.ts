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

/**
 * The examples a form gives for its fields that do not fit those fields: each with its path in
 * the form (under `properties`) and why. Examples stand for real data in tests and the demo, so
 * one that the form itself would refuse is a mistake of the definition.
 */
export function unfitExamples(
  schema: Record<string, unknown>,
  prefix: (string | number)[] = [],
): { path: (string | number)[]; why: string }[] {
  const properties = schema.properties;
  if (!properties || typeof properties !== 'object') return [];
  return Object.entries(properties as Record<string, Record<string, unknown>>).flatMap(([name, field]) => {
    const here = [...prefix, 'properties', name];
    const examples = Array.isArray(field.examples) ? (field.examples as unknown[]) : [];
    const validate = examples.length > 0 ? compileForm({ ...field, examples: undefined }) : undefined;
    const own = examples.flatMap((example, i) => {
      if (!validate || validate(example)) return [];
      const why = (validate.errors ?? []).map((e) =>
        `${e.instancePath || 'value'} ${e.message ?? ''}`.trim(),
      );
      return [{ path: [...here, 'examples', i], why: why.join('; ') }];
    });
    return [...own, ...unfitExamples(field, here)];
  });
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
