/**
 * Every form field and every choice option of the shipped catalog has its Persian label
 * (`title`) and its English one (`description`). The loader refuses a catalog without them
 * (field-label, choice-label); the files are also read here on their own, apart from the
 * loader, so neither the rule nor the data can slip without this test failing.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parse } from 'yaml';
import { definitionFiles, loadCatalog } from '../../lib/definitions/catalog';
import { formatProblem } from '../../lib/definitions/problem';
import { loadOrganisation } from '../../lib/organisation/load-organisation';
import { repoPath } from '../../lib/paths';

type Schema = Record<string, unknown>;

const PERSIAN = /[\u0600-\u06FF]/;
const LATIN = /[A-Za-z]/;

const shipped = loadCatalog(
  repoPath('definitions/services'),
  loadOrganisation(repoPath('definitions/organisation')),
);

/** A field, or a choice's option, with where it is, as `<service> <form> <path>`. */
interface Labelled {
  where: string;
  node: Schema;
}

function fieldsOf(
  schema: Schema,
  where: string,
): { fields: Labelled[]; options: Labelled[]; enums: string[] } {
  const fields: Labelled[] = [];
  const options: Labelled[] = [];
  const enums: string[] = [];
  const visit = (node: Schema, at: string) => {
    if (Array.isArray(node.enum)) enums.push(at);
    if (Array.isArray(node.oneOf))
      (node.oneOf as Schema[]).forEach((option, i) => {
        if ('const' in option) options.push({ where: `${at}.oneOf[${i}]`, node: option });
      });
    if (node.items && typeof node.items === 'object') visit(node.items as Schema, `${at}.items`);
    const properties = (node.properties ?? {}) as Record<string, Schema>;
    for (const [name, field] of Object.entries(properties)) {
      fields.push({ where: `${at}.${name}`, node: field });
      visit(field, `${at}.${name}`);
    }
  };
  visit(schema, where);
  return { fields, options, enums };
}

interface StepFile {
  id?: string;
  form?: Schema;
  branches?: { steps?: StepFile[] }[];
}

/** Every form of a definition file: the service's, and each step's, parallel branches included. */
function formsOf(file: string): { where: string; schema: Schema }[] {
  const definition = parse(readFileSync(file, 'utf8')) as { form?: Schema; steps?: StepFile[] };
  const name = relative(repoPath('definitions/services'), file);
  const ofSteps = (steps: StepFile[] = []): { where: string; schema: Schema }[] =>
    steps.flatMap((step) => [
      ...(step.form ? [{ where: `${name} ${String(step.id)}.form`, schema: step.form }] : []),
      ...(step.branches ?? []).flatMap((branch) => ofSteps(branch.steps)),
    ]);
  return [
    ...(definition.form ? [{ where: `${name} form`, schema: definition.form }] : []),
    ...ofSteps(definition.steps),
  ];
}

const files = definitionFiles(repoPath('definitions/services'));
const forms = files.flatMap(formsOf);
const found = forms.map(({ where, schema }) => fieldsOf(schema, where));
const fields = found.flatMap((f) => f.fields);
const options = found.flatMap((f) => f.options);

const unlabelled = (items: Labelled[]) =>
  items
    .filter(
      ({ node }) =>
        typeof node.title !== 'string' ||
        !PERSIAN.test(node.title) ||
        typeof node.description !== 'string' ||
        !LATIN.test(node.description),
    )
    .map(({ where }) => where);

describe('labels of the shipped catalog', () => {
  test('when the catalog loads, then no field or choice is refused for its labels', () => {
    const refused = shipped.problems.filter((p) => p.rule === 'field-label' || p.rule === 'choice-label');
    expect(refused.map(formatProblem)).toEqual([]);
    expect(shipped.entries).toHaveLength(files.length);
    expect(files).toHaveLength(128);
  });

  test('when every form of every service is read, then each field has a Persian title and an English description', () => {
    expect(fields.length).toBeGreaterThan(files.length);
    expect(unlabelled(fields)).toEqual([]);
  });

  test('when every choice is read, then it lists labelled options, never a bare enum', () => {
    expect(options.length).toBeGreaterThan(0);
    expect(found.flatMap((f) => f.enums)).toEqual([]);
    expect(unlabelled(options)).toEqual([]);
  });
});
