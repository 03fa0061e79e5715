/**
 * Reading a step's or a service's form (a JSON Schema object of fields) for people: the fields
 * in order, each with its label in the reader's language, what kind of input it takes, and the
 * data a filled form makes. Labels come from the schema's `title` (Persian), the catalogs'
 * `fields.<name>` and, in English, the field's `description`.
 */
import type { TFunction } from 'i18next';
import * as jalaali from 'jalaali-js';
import type { JsonSchema } from '../api/types';
import { latinDigits } from '../format';

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
  options?: string[];
}

/** What the fields hold while a person types: text as typed, ticks as booleans, lists as arrays. */
export type Draft = Record<string, string | boolean | string[]>;

const asSchema = (value: unknown): JsonSchema =>
  typeof value === 'object' && value !== null ? (value as JsonSchema) : {};

function kindOf(schema: JsonSchema): FieldKind {
  if (schema.const === true) return 'confirm';
  if (Array.isArray(schema.enum)) return 'choice';
  const type = schema.type;
  if (type === 'object') return 'group';
  if (type === 'array' && Array.isArray(asSchema(schema.items).enum)) return 'choices';
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
    if (kind === 'choice') spec.options = (field.enum as unknown[]).map(String);
    if (kind === 'choices') spec.options = (asSchema(field.items).enum as unknown[]).map(String);
    return spec;
  });
}

export function labelOf(field: FieldSpec, language: 'fa' | 'en', t: TFunction): string {
  const catalog = t(`fields.${field.name}`, { defaultValue: '' });
  const title = typeof field.schema.title === 'string' ? field.schema.title : '';
  const description = typeof field.schema.description === 'string' ? field.schema.description : '';
  if (language === 'fa') return title || catalog || description || field.name;
  return catalog || description || title || field.name;
}

/** A value's words: the catalogs' `values.<value>`, or the value itself. */
export const optionLabel = (value: string, t: TFunction): string =>
  t(`values.${value}`, { defaultValue: value });

/** 1405/09/09 (Persian or Latin digits) as the Gregorian 2026-11-30 the API keeps; undefined when not a day. */
export function gregorianOf(jalali: string): string | undefined {
  const match = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(latinDigits(jalali.trim()));
  if (!match) return undefined;
  const [jy, jm, jd] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!jalaali.isValidJalaaliDate(jy, jm, jd)) return undefined;
  const { gy, gm, gd } = jalaali.toGregorian(jy, jm, jd);
  return `${gy}-${String(gm).padStart(2, '0')}-${String(gd).padStart(2, '0')}`;
}

/** The Gregorian 2026-11-30 as the Jalali 1405/09/09. */
export function jalaliOf(gregorian: string): string {
  const [gy, gm, gd] = gregorian.split('-').map(Number);
  if (!gy || !gm || !gd) return gregorian;
  const { jy, jm, jd } = jalaali.toJalaali(gy, gm, gd);
  return `${jy}/${String(jm).padStart(2, '0')}/${String(jd).padStart(2, '0')}`;
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
