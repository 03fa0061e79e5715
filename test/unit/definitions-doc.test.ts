/**
 * The YAML examples of docs/definitions.md are what a designer copies: each one must be valid
 * under the service format's JSON Schema, a whole definition as a definition, a list of steps
 * step by step, a block of a definition's keys as those keys, a form field as a form field.
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import { repoPath } from '../../lib/paths';

const schema = JSON.parse(readFileSync(repoPath('definitions/schemas/service.schema.json'), 'utf8')) as {
  properties: Record<string, unknown>;
};
const ajv = new Ajv2020({ allErrors: true, strict: false });
ajv.addSchema(schema);
const id = 'https://pishkhan.example/schemas/service.schema.json';
const ref = (pointer: string) => ({ $ref: `${id}${pointer}` });

interface Example {
  line: number;
  text: string;
}

/** Every ```yaml block of the page, with the line it starts on. */
function examples(): Example[] {
  const lines = readFileSync(repoPath('docs/definitions.md'), 'utf8').split('\n');
  const found: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '```yaml') continue;
    const start = i + 1;
    while (i + 1 < lines.length && lines[i + 1] !== '```') i++;
    found.push({ line: start + 1, text: lines.slice(start, i + 1).join('\n') });
  }
  return found;
}

/** The part of the format an example is written against, and the example as that part reads it. */
function asWritten(value: object): { shape: object; instance: unknown } {
  if (Array.isArray(value)) return { shape: { type: 'array', items: ref('#/$defs/Step') }, instance: value };
  const keys = Object.keys(value);
  if ('id' in value && 'steps' in value) return { shape: ref('#'), instance: value };
  if (keys.every((key) => key in schema.properties)) {
    const properties = Object.fromEntries(keys.map((key) => [key, ref(`#/properties/${key}`)]));
    return { shape: { type: 'object', properties }, instance: value };
  }
  // A field of a form, by its name: read as the properties of a form.
  return { shape: ref('#/$defs/FormSchema'), instance: { type: 'object', properties: value } };
}

const all = examples();

test('the page has its examples', () => {
  expect(all.length).toBeGreaterThan(10);
});

test.each(all.map((example) => [example.line, example] as const))(
  'when the example at docs/definitions.md:%s is read, then it fits the service format',
  (_line, example) => {
    const value: unknown = parse(example.text);
    // A line of comments only: the editor's pointer to the schema.
    if (value === null) return expect(example.text).toMatch(/^#/);
    const { shape, instance } = asWritten(value as object);
    const validate = ajv.compile(shape);
    const valid = validate(instance);
    expect(valid ? [] : validate.errors?.map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
  },
);
