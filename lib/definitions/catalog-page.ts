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
      '```mermaid',
      diagram(plan),
      '```',
      '',
    );
  }
  return lines.join('\n');
}
