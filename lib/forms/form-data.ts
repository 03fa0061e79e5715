/**
 * Checks the data a task is completed with against its step's form. Uses a validator that
 * interprets the schema instead of generating code, so the workflow's update validator runs
 * the very same check as the API, deterministically, inside the sandbox.
 */
import { Validator, type OutputUnit } from '@cfworker/json-schema';

/** Keywords that only say "something inside failed"; the inner errors say what. */
const WRAPPERS = new Set([
  'properties',
  'additionalProperties',
  'items',
  'prefixItems',
  'allOf',
  'anyOf',
  'oneOf',
  'if',
  'then',
  'else',
  'dependentSchemas',
  '$ref',
]);

const field = (location: string) => location.replace(/^#\/?/, '').split('/').filter(Boolean).join('.');

function describe(unit: OutputUnit): string | undefined {
  if (WRAPPERS.has(unit.keyword)) return undefined;
  const where = field(unit.instanceLocation);
  if (unit.keyword === 'false') return `unknown field '${where}'`;
  if (unit.keyword === 'required') {
    const name = /"([^"]+)"/.exec(unit.error)?.[1] ?? '?';
    return `missing field '${where ? `${where}.` : ''}${name}'`;
  }
  return `${where || 'data'}: ${unit.error.replace(/\.$/, '')}`;
}

/** One plain message per problem; empty when the data fits the form. */
export function checkFormData(schema: Record<string, unknown>, data: unknown): string[] {
  const result = new Validator(schema, '2020-12', false).validate(data);
  if (result.valid) return [];
  return [...new Set(result.errors.map(describe).filter((m): m is string => m !== undefined))];
}
