/**
 * Writes a first definition for every service of the catalog (services.csv) that has none yet:
 * its steps in order with their assignees, inquiries to outside agencies, the payment into the
 * treasury with a fixed or computed fee, working-time SLAs that fit the service's, decisions
 * that can reject, and the row's notes as the designer's to-do at the top. It never touches an
 * existing file: a definition, once written, belongs to its designers.
 *
 *   npx tsx scripts/catalog/scaffold-catalog.ts
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { Document, parse, visit } from 'yaml';
import { definitionFiles } from '../../lib/definitions/catalog';
import { repoPath } from '../../lib/paths';

interface Row {
  id: string;
  domain: string;
  title_fa: string;
  title_en: string;
  intake: 'office' | 'online' | 'department';
  steps: string;
  sla_days: string;
  fee: 'none' | 'fixed' | 'computed';
  notes: string;
}

const HOURS_PER_DAY = 7; // Sat–Wed 07:00–14:00

/** Who does a step, by the catalog's prefix. */
const UNITS: Record<string, object> = {
  office: { office: 'intake' },
  'district-urban-planning': { department: 'urban-planning' },
  'district-finance': { department: 'finance' },
  'district-technical': { department: 'technical' },
  'district-urban-services': { department: 'urban-services' },
  'finance-department': { department: 'finance-department' },
  'transport-organization': { department: 'transport-organization' },
  'traffic-department': { department: 'traffic-department' },
  'legal-office': { department: 'legal-office' },
  'steering-committee': { department: 'steering-committee' },
  'commission-100': { department: 'commission-100' },
  'commission-77': { department: 'commission-77' },
  inspector: { department: 'inspection' },
};

/** Steps whose holder decides: they may reject the request. */
const DECIDES =
  /(review|decision|approval|verification|hearing|evaluation|eligibility|screening|check|inspection)/;

/**
 * The data a computed fee is worked out from, per domain: the field, its labels (Persian `title`,
 * English `description`, as the loader requires of every field), the formula.
 */
const COMPUTED: Record<string, { field: string; title: string; description: string; formula: string }> = {
  'urban-planning': {
    field: 'area',
    title: 'مساحت (متر مربع)',
    description: 'Area in square metres',
    formula: 'round(area * 350000)',
  },
  'real-estate': {
    field: 'area',
    title: 'مساحت (متر مربع)',
    description: 'Area in square metres',
    formula: 'round(area * 250000)',
  },
  transport: {
    field: 'vehicleValue',
    title: 'ارزش خودرو (ریال)',
    description: 'Value in rials',
    formula: 'max(round(vehicleValue * 0.002), 500000)',
  },
  finance: {
    field: 'assessedValue',
    title: 'ارزش کارشناسی (ریال)',
    description: 'Assessed value in rials',
    formula: 'max(round(assessedValue * 0.005), 200000)',
  },
};
const COMPUTED_DEFAULT = {
  field: 'units',
  title: 'تعداد واحدها',
  description: 'Number of units',
  formula: 'round(units * 1500000)',
};

const words = (id: string) => id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

/** A share of working hours: whole working days when there is a day or more, hours below that. */
const duration = (hours: number) =>
  hours >= HOURS_PER_DAY ? `P${Math.floor(hours / HOURS_PER_DAY)}D` : `PT${hours}H`;

/** Short maps (titles, assignees, outcomes) on one line, as designers write them. */
function render(definition: object): string {
  const doc = new Document(definition, { aliasDuplicateObjects: false });
  visit(doc, {
    Map(_key, node) {
      const keys = node.items.map((pair) => String((pair.key as { value?: unknown }).value));
      const short = keys.every((k) =>
        ['fa', 'en', 'office', 'department', 'role', 'title', 'next'].includes(k),
      );
      if (short && !keys.includes('title')) node.flow = true;
    },
    Seq(_key, node) {
      if (node.items.every((item) => typeof (item as { value?: unknown }).value === 'string'))
        node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 100 });
}

/** The catalog's note as comment lines of at most 100 characters. */
function comment(text: string): string {
  const lines: string[] = [];
  let line = '#';
  for (const word of text.split(/\s+/)) {
    if (line.length + word.length + 1 > 98) {
      lines.push(line);
      line = '#';
    }
    line += ` ${word}`;
  }
  return [...lines, line].join('\n');
}

function definitionOf(row: Row, titles: Record<string, string>) {
  const tokens = row.steps.split(' > ').map((token) => token.split(':'));
  const days = Number(row.sla_days);
  const computed = COMPUTED[row.domain] ?? COMPUTED_DEFAULT;
  const hasPayment = tokens.some(([unit]) => unit === 'treasury');
  const fee = row.fee !== 'none' || hasPayment ? (row.fee === 'computed' ? 'computed' : 'fixed') : undefined;
  // Every step gets an even share of the service's working time, the whole fitting inside it.
  const count = tokens.length + (fee && !hasPayment ? 1 : 0);
  const share = Math.max(1, Math.floor((days * HOURS_PER_DAY) / count));
  let rejects = false;

  const steps: Record<string, unknown>[] = tokens.map((parts, index) => {
    const name = parts.at(-1) as string;
    const id = tokens.slice(0, index).some((p) => p.at(-1) === name) ? `${name}-${index + 1}` : name;
    const title = { fa: titles[name] ?? name, en: words(name) };
    const sla = duration(share);
    if (parts[0] === 'treasury') return { id, kind: 'payment', title, fee: 'service-fee', sla };
    if (parts[0] === 'external') {
      rejects = true;
      return {
        id,
        kind: 'inquiry',
        title,
        agency: parts[1],
        sla,
        outcomes: {
          'no-objection': { title: { fa: 'بلامانع', en: 'No objection' } },
          objection: { title: { fa: 'مخالفت', en: 'Objection' }, next: 'rejected' },
        },
      };
    }
    const assignee = UNITS[parts[0] as string];
    if (!assignee) throw new Error(`${row.id}: no unit for '${parts[0]}'`);
    const step: Record<string, unknown> = { id, kind: 'task', title, assignee, sla };
    if (index > 0 && DECIDES.test(name)) {
      rejects = true;
      // Standard outcomes take their titles from lib/plan/outcome-titles.ts.
      step.outcomes = { approve: {}, reject: { next: 'rejected' } };
    }
    return step;
  });
  if (fee && !hasPayment) {
    steps.splice(steps.length - 1, 0, {
      id: 'payment',
      kind: 'payment',
      title: { fa: 'پرداخت', en: 'Payment' },
      fee: 'service-fee',
      sla: duration(share),
    });
  }
  steps.push({ id: 'done', kind: 'end', title: { fa: 'انجام شد', en: 'Done' }, result: 'completed' });
  if (rejects)
    steps.push({ id: 'rejected', kind: 'end', title: { fa: 'رد شد', en: 'Rejected' }, result: 'rejected' });

  const properties: Record<string, unknown> = {
    description: {
      type: 'string',
      maxLength: 2000,
      title: 'شرح درخواست',
      description: "The applicant's request in their words",
    },
  };
  if (fee === 'computed')
    properties[computed.field] = {
      type: 'number',
      minimum: 0,
      title: computed.title,
      description: computed.description,
    };
  return {
    id: row.id,
    title: { fa: row.title_fa, en: row.title_en },
    domain: row.domain,
    intake: row.intake === 'online' ? ['online', 'office'] : [row.intake],
    sla: `P${days}D`,
    form: {
      type: 'object',
      additionalProperties: false,
      ...(fee === 'computed' ? { required: [computed.field] } : {}),
      properties,
    },
    ...(fee
      ? {
          fees: [
            {
              id: 'service-fee',
              title: { fa: `هزینه ${row.title_fa}`, en: `${row.title_en} fee` },
              amount: fee === 'computed' ? computed.formula : 1_000_000,
            },
          ],
        }
      : {}),
    steps,
  };
}

function main() {
  const rows = parseCsv<Row>(readFileSync(repoPath('scripts/catalog/services.csv')), { columns: true });
  const titles = parse(readFileSync(repoPath('scripts/catalog/step-titles.yaml'), 'utf8')) as Record<
    string,
    string
  >;
  const servicesDir = repoPath('definitions/services');
  const existing = new Set(
    definitionFiles(servicesDir).map((file) => (parse(readFileSync(file, 'utf8')) as { id: string }).id),
  );
  let written = 0;
  for (const row of rows) {
    if (existing.has(row.id)) continue;
    const file = join(servicesDir, row.domain, `${row.id}.yaml`);
    if (existsSync(file)) continue;
    mkdirSync(dirname(file), { recursive: true });
    const header = [
      '# yaml-language-server: $schema=../../schemas/service.schema.json',
      comment(`${row.title_en}. From the catalog: ${row.notes}.`),
      '',
    ].join('\n');
    writeFileSync(file, header + render(definitionOf(row, titles)));
    written++;
  }
  console.log(`${written} definition(s) written; ${rows.length - written} existed already`);
}

main();
