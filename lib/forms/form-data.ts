/**
 * Checks the data a task is completed with against its step's form. Uses a validator that
 * interprets the schema instead of generating code, so the workflow's update validator runs
 * the very same check as the API, deterministically, inside the sandbox. Each problem is one
 * plain sentence naming the field, from a fixed set the API's message catalog gives in Persian.
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
  'if',
  'then',
  'else',
  'dependentSchemas',
  'dependencies',
  'patternProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'additionalItems',
  '$ref',
  '$recursiveRef',
]);

/**
 * Inside keywords that only test values (an array's items for `contains`, an object's keys for
 * `propertyNames`): their own sentence says what is wrong. Not a field of that name.
 */
const TESTS_ONLY = /(?<!\/(properties|\$defs|definitions|dependentSchemas))\/(contains|propertyNames)\//;

const field = (location: string) => location.replace(/^#\/?/, '').split('/').filter(Boolean).join('.');

/** The schema value a keyword location points at, such as `#/properties/area/minimum`. */
function at(schema: unknown, location: string): unknown {
  return location
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>(
      (node, part) => (node && typeof node === 'object' ? (node as never)[part] : undefined),
      schema,
    );
}

/** The options of a choice (`oneOf` of constants), or undefined when the oneOf is something else. */
function choices(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const options = value.map((option) =>
    option && typeof option === 'object' && 'const' in option
      ? String((option as { const: unknown }).const)
      : undefined,
  );
  return options.every((o) => o !== undefined) ? options : undefined;
}

const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  integer: 'a whole number',
  string: 'text',
  boolean: 'yes or no',
  object: 'an object',
  array: 'a list',
  null: 'empty',
};

const FORMAT_WORDS: Record<string, string> = {
  date: 'a date (YYYY-MM-DD)',
  'date-time': 'a date and time',
  email: 'an email address',
};

/** The keys a validator quotes in its own error: `Instance has "a" but does not have "b".` */
const quoted = (error: string) => [...error.matchAll(/"([^"]*)"/g)].map((match) => match[1] ?? '');

function describe(unit: OutputUnit, schema: unknown): string | undefined {
  if (WRAPPERS.has(unit.keyword) || TESTS_ONLY.test(unit.keywordLocation)) return undefined;
  const name = field(unit.instanceLocation);
  const where = `'${name || 'data'}'`;
  const inside = (key: string) => (name ? `${name}.${key}` : key);
  const value = at(schema, unit.keywordLocation);
  switch (unit.keyword) {
    case 'false':
      return `unknown field '${name}'`;
    case 'required': {
      const missing = /"([^"]+)"/.exec(unit.error)?.[1] ?? '?';
      return `missing field '${name ? `${name}.` : ''}${missing}'`;
    }
    case 'oneOf': {
      const options = choices(value);
      return options
        ? `${where} must be one of: ${options.join(', ')}`
        : `${where} matches none of its forms`;
    }
    case 'const':
      // A choice's options fail one by one; the oneOf above says it once.
      if (
        /\/oneOf\/\d+\/const$/.test(unit.keywordLocation) &&
        choices(at(schema, unit.keywordLocation.replace(/\/\d+\/const$/, '')))
      )
        return undefined;
      return `${where} must be ${JSON.stringify(value)}`;
    case 'enum':
      return `${where} must be one of: ${(Array.isArray(value) ? value : []).map(String).join(', ')}`;
    case 'type':
      return `${where} must be ${[value]
        .flat()
        .map((t) => TYPE_WORDS[String(t)] ?? String(t))
        .join(' or ')}`;
    case 'minLength':
      return `${where} must be at least ${String(value)} characters`;
    case 'maxLength':
      return `${where} must be at most ${String(value)} characters`;
    case 'pattern':
      return `${where} is not in the expected form`;
    case 'format':
      return `${where} must be ${FORMAT_WORDS[String(value)] ?? String(value)}`;
    case 'minimum':
      return `${where} must be at least ${String(value)}`;
    case 'maximum':
      return `${where} must be at most ${String(value)}`;
    case 'exclusiveMinimum':
      return `${where} must be more than ${String(value)}`;
    case 'exclusiveMaximum':
      return `${where} must be less than ${String(value)}`;
    case 'minItems':
      return `${where} must have at least ${String(value)} items`;
    case 'maxItems':
      return `${where} must have at most ${String(value)} items`;
    case 'uniqueItems':
      return `${where} must not repeat an item`;
    case 'multipleOf':
      return `${where} must be a multiple of ${String(value)}`;
    case 'not':
      return `${where} holds a value the form does not allow`;
    case 'minProperties':
      return `${where} must have at least ${String(value)} fields`;
    case 'maxProperties':
      return `${where} must have at most ${String(value)} fields`;
    case 'propertyNames':
      return `'${inside(quoted(unit.error)[0] ?? '?')}' is not a name the form allows`;
    case 'dependentRequired':
    case 'dependencies': {
      const [given = '?', needed] = quoted(unit.error);
      // A dependency on a schema: its inner errors say what is wrong.
      if (needed === undefined) return undefined;
      return `missing field '${inside(needed)}', which '${inside(given)}' needs`;
    }
    case 'contains':
      return `${where} must hold an item that fits the form`;
    case 'minContains':
      return `${where} must hold at least ${String(value)} items that fit the form`;
    case 'maxContains':
      return `${where} must hold at most ${String(value)} items that fit the form`;
    default:
      // A keyword this check does not know yet: said plainly rather than in the validator's English.
      return `${where} does not fit the form`;
  }
}

/**
 * Fields holding a number JSON cannot keep: `1e400` reads as Infinity, passes `minimum` and
 * `exclusiveMinimum`, and would be stored as null, where a fee's expression then fails for good.
 */
function unkeptNumbers(value: unknown, path: string[] = []): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path.join('.')];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => unkeptNumbers(inner, [...path, key]));
}

/** One plain message per problem; empty when the data fits the form. */
export function checkFormData(schema: Record<string, unknown>, data: unknown): string[] {
  const unkept = unkeptNumbers(data);
  if (unkept.length > 0) return unkept.map((name) => `'${name}' is a number too large to keep`);
  const result = new Validator(schema, '2020-12', false).validate(data);
  if (result.valid) return [];
  return [
    ...new Set(
      result.errors.map((unit) => describe(unit, schema)).filter((m): m is string => m !== undefined),
    ),
  ];
}
