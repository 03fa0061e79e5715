/**
 * The catalog page of the docs: a table of every service (domain, titles, steps, SLA, fee kind)
 * and a Mermaid diagram of each, written from the definitions so it cannot drift from them.
 */
import { relative } from 'node:path';
import type { ServicePlan } from '../plan/types';
import type { CatalogEntry } from './catalog';
import { diagram } from './diagram';

/** Human work in a plan: the steps someone or some agency answers, and automatic ones. */
const countedSteps = (plan: ServicePlan) =>
  Object.values(plan.steps).filter((step) => !['end', 'branch'].includes(step.kind)).length;

function feeKind(plan: ServicePlan): string {
  const fees = Object.values(plan.fees);
  if (fees.length === 0) return 'none';
  return fees.some((fee) => 'formula' in fee.amount) ? 'computed' : 'fixed';
}

const cell = (text: string) => text.replaceAll('|', '\\|');

/** What the applicant is asked at intake: each field with its label, required ones first. */
function intakeFields(plan: ServicePlan): string {
  const form = plan.form as
    { required?: string[]; properties?: Record<string, { title?: string }> } | undefined;
  const names = Object.keys(form?.properties ?? {});
  if (names.length === 0) return 'Asks for nothing at intake.';
  const required = new Set(form?.required ?? []);
  const label = (name: string) => {
    const title = form?.properties?.[name]?.title;
    return `\`${name}\`${title ? ` (${title})` : ''}`;
  };
  const sorted = [...names.filter((n) => required.has(n)), ...names.filter((n) => !required.has(n))];
  return `Asks at intake for ${sorted.map((n) => (required.has(n) ? label(n) : `${label(n)}, optional`)).join('; ')}.`;
}

export function catalogPage(entries: CatalogEntry[], root: string): string {
  const sorted = [...entries].sort(
    (a, b) => a.plan.domain.localeCompare(b.plan.domain) || a.plan.serviceId.localeCompare(b.plan.serviceId),
  );
  const lines = [
    '# The service catalog',
    '',
    `<!-- Written by \`npm run catalog-page\` from definitions/services; a test fails when it is out of date. -->`,
    '',
    `${sorted.length} services. Steps counts the steps someone answers or the system runs (not branches and ends);`,
    'the SLA is in working days of the city calendar unless it says hours.',
    '',
    '| Domain | Service | خدمت | Steps | SLA | Fee | Intake |',
    '| ------ | ------- | ---- | ----- | --- | --- | ------ |',
    ...sorted.map(
      ({ plan }) =>
        `| ${plan.domain} | [${cell(plan.title.en)}](#${plan.serviceId}) | ${cell(plan.title.fa)} | ${countedSteps(plan)} | ${plan.sla.text} | ${feeKind(plan)} | ${plan.intake.join(', ')} |`,
    ),
    '',
  ];
  for (const { plan, file } of sorted) {
    lines.push(
      `## ${plan.serviceId}`,
      '',
      `**${plan.title.en}** — ${plan.title.fa}. Definition: [\`${relative(root, file)}\`](../${relative(root, file)}).`,
      '',
      intakeFields(plan),
      '',
      '```mermaid',
      diagram(plan),
      '```',
      '',
    );
  }
  return lines.join('\n');
}
