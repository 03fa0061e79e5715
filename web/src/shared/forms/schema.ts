/**
 * Reading a step's or a service's form (a JSON Schema object of fields) for people: the fields
 * in order, each with its label in the reader's language, what kind of input it takes, and the
 * data a filled form makes. Labels come from the definition itself: a field's (or a choice's)
 * `title` is its Persian label and its `description` its English one.
 */
import type { JsonSchema } from '../api/types';
import { latinDigits } from '../format';
import { gregorianOf } from '../format/jalali-day';

export type FieldKind =
  | 'text'
  | 'long-text'
  | 'number'
  | 'integer'
  | 'confirm'
  | 'boolean'
  | 'choice'
  | 'choices'
  | 'date'
  | 'group';

export interface FieldSpec {
  /** Dotted path in the data: `area`, `parcel.number`. */
  path: string;
  name: string;
  schema: JsonSchema;
  kind: FieldKind;
  required: boolean;
  /** For a group: its own fields. */
  fields?: FieldSpec[];
  options?: Choice[];
}

/** One option of a choice: the value the API keeps and its label in each language. */
export interface Choice {
  value: string;
  fa: string;
  en: string;
}

/** What the fields hold while a person types: text as typed, ticks as booleans, lists as arrays. */
export type Draft = Record<string, string | boolean | string[]>;

const asSchema = (value: unknown): JsonSchema =>
  typeof value === 'object' && value !== null ? (value as JsonSchema) : {};

const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/** A choice's options: `oneOf` constants labelled in both languages, or a bare `enum`. */
function choicesOf(schema: JsonSchema): Choice[] | undefined {
  if (Array.isArray(schema.enum)) {
    return (schema.enum as unknown[]).map((value) => ({
      value: String(value),
      fa: String(value),
      en: String(value),
    }));
  }
  const options = Array.isArray(schema.oneOf) ? (schema.oneOf as unknown[]).map(asSchema) : [];
  if (options.length === 0 || !options.every((option) => 'const' in option)) return undefined;
  return options.map((option) => {
    const value = String(option.const);
    const fa = text(option.title) ?? text(option.description) ?? value;
    return { value, fa, en: text(option.description) ?? fa };
  });
}

function kindOf(schema: JsonSchema): FieldKind {
  if (schema.const === true) return 'confirm';
  if (choicesOf(schema)) return 'choice';
  const type = schema.type;
  if (type === 'object') return 'group';
  if (type === 'array' && choicesOf(asSchema(schema.items))) return 'choices';
  if (type === 'boolean') return 'boolean';
  if (type === 'integer') return 'integer';
  if (type === 'number') return 'number';
  if (schema.format === 'date') return 'date';
  if (typeof schema.maxLength === 'number' && schema.maxLength > 300) return 'long-text';
  return 'text';
}

export function fieldsOf(schema: JsonSchema | undefined, prefix = ''): FieldSpec[] {
  const properties = asSchema(schema?.properties);
  const required = Array.isArray(schema?.required) ? (schema.required as string[]) : [];
  return Object.entries(properties).map(([name, raw]) => {
    const field = asSchema(raw);
    const path = prefix ? `${prefix}.${name}` : name;
    const kind = kindOf(field);
    const spec: FieldSpec = { path, name, schema: field, kind, required: required.includes(name) };
    if (kind === 'group') spec.fields = fieldsOf(field, path);
    if (kind === 'choice') spec.options = choicesOf(field);
    if (kind === 'choices') spec.options = choicesOf(asSchema(field.items));
    return spec;
  });
}

export function labelOf(field: FieldSpec, language: 'fa' | 'en'): string {
  const title = text(field.schema.title);
  const description = text(field.schema.description);
  const label = language === 'fa' ? (title ?? description) : (description ?? title);
  return label ?? field.name;
}

/** A chosen value's words in the reader's language, or the value itself when it is not an option. */
export function optionLabel(field: FieldSpec, value: string, language: 'fa' | 'en'): string {
  const option = field.options?.find((choice) => choice.value === value);
  return option ? option[language] : value;
}

/** Text the API reads: digits as Latin ones where the field expects numbers or digit patterns. */
function normalised(field: FieldSpec, text: string): string {
  const pattern = typeof field.schema.pattern === 'string' ? field.schema.pattern : '';
  return /\[0-9\]|\\d/.test(pattern) ? latinDigits(text.trim()) : text.trim();
}

/** The data a filled form makes: empty fields left out, numbers as numbers, days as Gregorian. */
export function dataOf(fields: FieldSpec[], draft: Draft): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of fields) {
    const value = draft[field.path];
    switch (field.kind) {
      case 'group': {
        const inner = dataOf(field.fields ?? [], draft);
        if (Object.keys(inner).length > 0) data[field.name] = inner;
        break;
      }
      case 'confirm':
        if (value === true) data[field.name] = true;
        break;
      case 'boolean':
        if (typeof value === 'boolean') data[field.name] = value;
        break;
      case 'choices':
        if (Array.isArray(value) && value.length > 0) data[field.name] = value;
        break;
      case 'number':
      case 'integer': {
        const text =
          typeof value === 'string' ? latinDigits(value.trim()).replace(/[٬,]/g, '').replace('٫', '.') : '';
        if (text !== '') data[field.name] = Number.isNaN(Number(text)) ? text : Number(text);
        break;
      }
      case 'date':
        if (typeof value === 'string' && value.trim() !== '') data[field.name] = gregorianOf(value) ?? value;
        break;
      default:
        if (typeof value === 'string' && value.trim() !== '') data[field.name] = normalised(field, value);
    }
  }
  return data;
}
