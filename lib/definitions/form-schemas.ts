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

const PERSIAN = /[\u0600-\u06FF]/;
const LATIN = /[A-Za-z]/;

export interface LabelProblem {
  /** Where in the form, under `properties`. */
  path: (string | number)[];
  why: string;
  rule: 'field-label' | 'choice-label';
}

/** Whether a schema node has both labels: a Persian `title` and an English `description`. */
function missingLabels(node: Record<string, unknown>): string[] {
  const missing: string[] = [];
  if (typeof node.title !== 'string' || !PERSIAN.test(node.title)) missing.push('a Persian `title`');
  if (typeof node.description !== 'string' || !LATIN.test(node.description))
    missing.push('an English `description`');
  return missing;
}

/** The choices of a field (or of its items): an unlabelled `enum`, or options lacking labels. */
function choiceProblems(node: Record<string, unknown>, at: (string | number)[]): LabelProblem[] {
  if (Array.isArray(node.enum))
    return [
      {
        path: [...at, 'enum'],
        why: 'a choice lists its options as `oneOf: [{ const, title, description }]`, each with its Persian and English label, not as a bare `enum`',
        rule: 'choice-label',
      },
    ];
  if (!Array.isArray(node.oneOf)) return [];
  return (node.oneOf as Record<string, unknown>[]).flatMap((option, i) => {
    if (!option || typeof option !== 'object' || !('const' in option)) return [];
    const missing = missingLabels(option);
    return missing.length === 0
      ? []
      : [
          {
            path: [...at, 'oneOf', i],
            why: `option '${String(option.const)}' needs ${missing.join(' and ')}`,
            rule: 'choice-label' as const,
          },
        ];
  });
}

/**
 * Fields a person reads without a label in both languages: every field needs a Persian `title`
 * (what people read first) and an English `description`; every choice labels its options.
 */
export function unlabelledFields(
  schema: Record<string, unknown>,
  prefix: (string | number)[] = [],
): LabelProblem[] {
  const properties = schema.properties;
  if (!properties || typeof properties !== 'object') return [];
  return Object.entries(properties as Record<string, Record<string, unknown>>).flatMap(([name, field]) => {
    if (!field || typeof field !== 'object') return [];
    const here = [...prefix, 'properties', name];
    const missing = missingLabels(field);
    const own: LabelProblem[] =
      missing.length === 0
        ? []
        : [{ path: here, why: `field '${name}' needs ${missing.join(' and ')}`, rule: 'field-label' }];
    const items =
      field.items && typeof field.items === 'object' ? (field.items as Record<string, unknown>) : undefined;
    return [
      ...own,
      ...choiceProblems(field, here),
      ...(items
        ? [...choiceProblems(items, [...here, 'items']), ...unlabelledFields(items, [...here, 'items'])]
        : []),
      ...unlabelledFields(field, here),
    ];
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
