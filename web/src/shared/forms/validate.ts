/**
 * Checks a form's data as the API will, before it is sent, so each fault shows at once next to
 * its field in the reader's language: the keyword that failed names the message
 * (`errors.field.<keyword>`), the field's own schema gives the limit it quotes.
 */
import { Validator } from '@cfworker/json-schema';
import type { JsonSchema } from '../api/types';

export interface Fault {
  /** The catalog key under errors.field. */
  key: string;
  /** What the message quotes: a limit, a length. */
  limit?: number | string;
}

const WRAPPERS = new Set([
  'properties',
  'additionalProperties',
  'items',
  'allOf',
  'anyOf',
  'oneOf',
  '$ref',
  'if',
  'then',
  'else',
]);

const pathOf = (location: string) => location.replace(/^#\/?/, '').split('/').filter(Boolean).join('.');

function schemaAt(schema: JsonSchema, path: string): JsonSchema {
  let here: JsonSchema = schema;
  for (const part of path.split('.').filter(Boolean)) {
    const properties = here.properties as Record<string, JsonSchema> | undefined;
    here = properties?.[part] ?? {};
  }
  return here;
}

function faultFor(keyword: string, field: JsonSchema): Fault {
  switch (keyword) {
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
      return { key: keyword, limit: field[keyword] as number };
    case 'type':
      return { key: field.type === 'integer' ? 'integer' : field.type === 'number' ? 'number' : 'invalid' };
    case 'const':
      return { key: field.const === true ? 'confirm' : 'invalid' };
    case 'pattern':
    case 'enum':
    case 'format':
      return { key: field.format === 'date' ? 'date' : keyword };
    default:
      return { key: 'invalid' };
  }
}

/** Each faulty field's path with its first fault; empty when the data fits. */
export function faultsOf(schema: JsonSchema | undefined, data: unknown): Record<string, Fault> {
  if (!schema) return {};
  const result = new Validator(schema, '2020-12', false).validate(data);
  const faults: Record<string, Fault> = {};
  for (const error of result.errors) {
    if (WRAPPERS.has(error.keyword)) continue;
    let path = pathOf(error.instanceLocation);
    let fault: Fault;
    if (error.keyword === 'required') {
      const name = /"([^"]+)"/.exec(error.error)?.[1] ?? '';
      path = path ? `${path}.${name}` : name;
      fault = { key: schemaAt(schema, path).const === true ? 'confirm' : 'required' };
    } else if (error.keyword === 'false') {
      fault = { key: 'unknown' };
    } else {
      fault = faultFor(error.keyword, schemaAt(schema, path));
    }
    faults[path] ??= fault;
  }
  return faults;
}
