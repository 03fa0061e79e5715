/**
 * The JSON Schemas of the YAML formats, compiled once by one Ajv (draft 2020-12) instance.
 * Validation errors become located problems with plain messages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { closest, distance } from 'fastest-levenshtein';
import { repoPath } from '../paths';
import type { Problem } from './problem';
import type { YamlSource } from './yaml-source';

export type SchemaName = 'service' | 'organisation' | 'calendar' | 'deployment';

// strictRequired is off: the step union requires 'kind' before the discriminator picks the branch.
const ajv = new Ajv2020({
  allErrors: true,
  verbose: true,
  discriminator: true,
  strict: true,
  strictRequired: false,
});
addFormats(ajv);

const SCHEMA_NAMES: SchemaName[] = ['service', 'organisation', 'calendar', 'deployment'];

export function schemaFor(name: SchemaName): { $id: string } {
  const path = join(repoPath('definitions/schemas'), `${name}.schema.json`);
  return JSON.parse(readFileSync(path, 'utf8')) as { $id: string };
}

// Every schema is added first: the organisation's refers to the service's escalation ladder.
const schemaIds = new Map(
  SCHEMA_NAMES.map((name) => {
    const schema = schemaFor(name);
    ajv.addSchema(schema);
    return [name, schema.$id];
  }),
);

function validatorFor(name: SchemaName): ValidateFunction {
  const validate = ajv.getSchema(schemaIds.get(name) ?? name);
  if (!validate) throw new Error(`no schema '${name}'`);
  return validate;
}

/** The closest of the candidates to a misspelt word, when it is close enough to suggest. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  if (candidates.length === 0) return '';
  const best = closest(word, [...candidates]);
  return distance(word, best) <= Math.max(2, Math.floor(word.length / 3)) ? `; did you mean '${best}'?` : '';
}

function pathOf(error: ErrorObject): (string | number)[] {
  return error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * What a duration must look like, with the likely meant one for a bare number (`5` → `P5D`).
 * Clock-neutral: the same text is days of working time, or of every hour on the continuous clock.
 */
function durationHint(value: unknown): string {
  const guess =
    typeof value === 'number' && Number.isInteger(value) && value > 0 ? `; did you mean 'P${value}D'?` : '';
  return (
    `'${String(value)}' is not an ISO 8601 duration: write P5D for five days, PT4H for four hours, ` +
    `P1DT2H for a day and two hours (working time unless the clock is continuous)${guess}`
  );
}

/** What a task's SLA may also be. */
const SERVICE_SLA = '`service` for a step with no SLA of its own';

function describe(error: ErrorObject): { message: string; key?: string } {
  const parent = (error.parentSchema ?? {}) as { title?: string; description?: string; properties?: object };
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { message: `missing required key '${String(params.missingProperty)}'` };
    case 'additionalProperty':
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys(parent.properties ?? {});
      return { message: `unknown key '${key}'${didYouMean(key, known)}`, key };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const hint = typeof error.data === 'string' ? didYouMean(error.data, allowed) : '';
      return { message: `must be one of: ${allowed.join(', ')}${hint}` };
    }
    case 'const':
      return { message: `must be '${String(params.allowedValue)}'` };
    case 'pattern':
      if (parent.title === 'WorkingDuration') return { message: durationHint(error.data) };
      if (parent.title === 'StepSla') return { message: `${durationHint(error.data)}; or ${SERVICE_SLA}` };
      return {
        message: `'${String(error.data)}' is not valid: ${parent.description ?? `must match ${String(params.pattern)}`}`,
      };
    case 'discriminator': {
      if (params.error === 'mapping') {
        const kinds = ['task', 'inquiry', 'payment', 'branch', 'parallel', 'automatic', 'notify', 'end'];
        const tag = String(params.tagValue);
        return {
          message: `unknown step kind '${tag}'; expected one of ${kinds.join(', ')}${didYouMean(tag, kinds)}`,
        };
      }
      return { message: `'${String(params.tag)}' must be a string naming the step kind` };
    }
    case 'oneOf':
      return {
        message: `does not match any allowed form${parent.description ? `: ${parent.description}` : ''}`,
      };
    case 'type':
      if (parent.title === 'WorkingDuration') return { message: durationHint(error.data) };
      if (parent.title === 'StepSla') return { message: `${durationHint(error.data)}; or ${SERVICE_SLA}` };
      return {
        message: `must be ${/^[aeiou]/.test(String(params.type)) ? 'an' : 'a'} ${String(params.type)}`,
      };
    default:
      return { message: error.message ?? error.keyword };
  }
}

/**
 * Validates parsed data against a schema and reports every error, located in the source.
 * Errors inside a `oneOf` whose alternatives all failed collapse into one message.
 */
export function validateAgainstSchema(name: SchemaName, data: unknown, source: YamlSource): Problem[] {
  return checkAgainstSchema(name, data, source).problems;
}

/** Like validateAgainstSchema, also answering where in the document each problem is. */
export function checkAgainstSchema(
  name: SchemaName,
  data: unknown,
  source: YamlSource,
): { problems: Problem[]; errorPaths: (string | number)[][] } {
  const validate = validatorFor(name);
  if (validate(data)) return { problems: [], errorPaths: [] };
  const errors = validate.errors ?? [];
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));

  const seen = new Set<string>();
  const problems: Problem[] = [];
  const errorPaths: (string | number)[][] = [];
  for (const error of errors) {
    if (
      error.keyword !== 'oneOf' &&
      oneOfPaths.has(error.instancePath) &&
      error.schemaPath.includes('/oneOf/')
    )
      continue;
    const { message, key } = describe(error);
    const rule = `schema/${error.keyword}`;
    const path = pathOf(error);
    errorPaths.push(path);
    const dedupe = `${error.instancePath}|${message}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    problems.push(
      key === undefined
        ? source.problem(path, message, rule)
        : source.problem([...path, key], message, rule, { key: true }),
    );
  }
  return { problems, errorPaths };
}
