/**
 * Data that fits a form: the smallest object a JSON Schema accepts, with plausible values, so a
 * scripted actor can fill in any step of any service. Two variants take a service down different
 * branches: `least` (the lower bound of a number, the first choice, yes to a yes/no question)
 * and `most` (the upper bound or a very large number, the last choice, no). A text field's
 * `examples`, when the form gives them, are used first: the designer's own plausible value.
 */
export type Variant = 'least' | 'most';

const LARGE = 1_000_000_000_000;
type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  /** A choice with its options labelled: `oneOf: [{ const, title, description }...]`. */
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minLength?: number;
  pattern?: string;
  format?: string;
  examples?: unknown[];
};

/** Strings that fit the patterns forms use: digits, phone numbers, districts, offices, plates. */
const CANDIDATES = ['1234567890', '0012345678', '09121234567', 'd01', 'o-0101', '12ب345-67', 'A-1', 'x'];

function sampleString(schema: Schema): string {
  const example = schema.examples?.find((e): e is string => typeof e === 'string');
  if (example !== undefined) return example;
  if (schema.format === 'date') return '2026-11-22';
  if (schema.format === 'date-time') return '2026-11-22T08:00:00Z';
  if (schema.format === 'email') return 'citizen@example.org';
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern, 'u');
    const fits = CANDIDATES.find((c) => pattern.test(c));
    if (fits) return fits;
  }
  return 'sample'.padEnd(schema.minLength ?? 1, 's');
}

function sampleNumber(schema: Schema, integer: boolean, variant: Variant): number {
  const least = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 100);
  let value = variant === 'most' ? (schema.maximum ?? Math.max(least, LARGE)) : least;
  if (schema.maximum !== undefined) value = Math.min(value, schema.maximum);
  return integer ? Math.ceil(value) : value;
}

export function sampleOf(schema: Schema | undefined, variant: Variant = 'least'): unknown {
  if (!schema) return undefined;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return variant === 'most' ? schema.enum.at(-1) : schema.enum[0];
  if (schema.oneOf) return sampleOf(variant === 'most' ? schema.oneOf.at(-1) : schema.oneOf[0], variant);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const key of schema.required ?? []) value[key] = sampleOf(schema.properties?.[key], variant);
      return value;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleOf(schema.items, variant));
    case 'string':
      return sampleString(schema);
    case 'integer':
      return sampleNumber(schema, true, variant);
    case 'number':
      return sampleNumber(schema, false, variant);
    case 'boolean':
      return variant === 'least';
    default:
      return 'sample';
  }
}
