/**
 * A step-level comparison of two plans of a service, for designers about to publish or roll
 * back: steps added and removed, and for each step kept what changed (assignee, SLA,
 * outcomes, kind, title, form, escalation, where it leads).
 */
import { canonicalJson } from './canonical-json';
import type { PlanAssignee, PlanStep, ServicePlan, Title } from '../plan/types';

export interface FieldChange {
  field: string;
  from: string;
  to: string;
}

export interface PlanDiff {
  added: { step: string; kind: string; title: string }[];
  removed: { step: string; kind: string; title: string }[];
  changed: { step: string; changes: FieldChange[] }[];
  service: FieldChange[];
}

export function describeAssignee(assignee: PlanAssignee): string {
  switch (assignee.type) {
    case 'intake-office':
      return 'the intake office';
    case 'office':
      return `office ${assignee.office}`;
    case 'office-in-field':
      return `the office named in ${assignee.field}`;
    case 'department':
      if (assignee.role === 'head') return `the head of ${assignee.department}`;
      return `department ${assignee.department}${assignee.role ? ` (${assignee.role})` : ''}`;
    case 'same-as':
      return `the same as ${assignee.step}`;
    case 'applicant':
      return assignee.only ? 'the applicant themselves' : 'the applicant';
    case 'agency':
      return `agency ${assignee.agency}`;
    default:
      return assignee.type;
  }
}

function outcomesOf(step: PlanStep): Record<string, string> {
  if (step.kind !== 'task' && step.kind !== 'inquiry') return {};
  return Object.fromEntries(
    Object.entries(step.outcomes).map(([id, o]) => [
      id,
      `${o.next ?? 'end of branch'}${o.maxTimes !== undefined ? ` (at most ${o.maxTimes})` : ''}`,
    ]),
  );
}

/** Each outcome's title in both languages: a change of only the Persian is a change. */
function outcomeTitlesOf(step: PlanStep): Record<string, Title> {
  if (step.kind !== 'task' && step.kind !== 'inquiry') return {};
  return Object.fromEntries(Object.entries(step.outcomes).map(([id, o]) => [id, o.title]));
}

/** Changes of a title, the Persian and the English each on its own. */
function titleChanges(name: string, a: Title | undefined, b: Title | undefined): FieldChange[] {
  return (['fa', 'en'] as const).flatMap((language) => {
    const [from, to] = [a?.[language] ?? '', b?.[language] ?? ''];
    return from === to ? [] : [{ field: `${name} (${language})`, from, to }];
  });
}

function nextOf(step: PlanStep): string {
  if ('next' in step) return step.next ?? 'end of branch';
  if (step.kind === 'branch')
    return [
      ...step.cases.map((c) => `${c.text} → ${c.next ?? '-'}`),
      `default → ${step.default ?? '-'}`,
    ].join('; ');
  return '';
}

function compareSteps(a: PlanStep, b: PlanStep): FieldChange[] {
  const changes: FieldChange[] = [];
  const field = (name: string, from: string, to: string) => {
    if (from !== to) changes.push({ field: name, from, to });
  };
  field('kind', a.kind, b.kind);
  changes.push(...titleChanges('title', a.title, b.title));
  field(
    'assignee',
    'assignee' in a ? describeAssignee(a.assignee) : '',
    'assignee' in b ? describeAssignee(b.assignee) : '',
  );
  if (a.kind === 'inquiry' || b.kind === 'inquiry') {
    field('agency', a.kind === 'inquiry' ? a.agency : '', b.kind === 'inquiry' ? b.agency : '');
  }
  const slaOf = (step: PlanStep) => ('sla' in step ? (step.slaOfService ? 'service' : step.sla.text) : '');
  field('sla', slaOf(a), slaOf(b));
  const [ao, bo] = [outcomesOf(a), outcomesOf(b)];
  for (const id of new Set([...Object.keys(ao), ...Object.keys(bo)])) {
    field(`outcome ${id}`, ao[id] ?? '(none)', bo[id] ?? '(none)');
  }
  const [at, bt] = [outcomeTitlesOf(a), outcomeTitlesOf(b)];
  for (const id of Object.keys(bt))
    if (at[id]) changes.push(...titleChanges(`outcome ${id} title`, at[id], bt[id]));
  field('next', nextOf(a), nextOf(b));
  field(
    'onTimeout',
    'onTimeout' in a ? (a.onTimeout ?? '') : '',
    'onTimeout' in b ? (b.onTimeout ?? '') : '',
  );
  field('form', canonicalJson('form' in a ? a.form : null), canonicalJson('form' in b ? b.form : null));
  field(
    'escalation',
    canonicalJson('escalation' in a ? a.escalation : null),
    canonicalJson('escalation' in b ? b.escalation : null),
  );
  // Whatever else differs (a message, a clock, a deadline, a rule) is still a change.
  if (changes.length === 0 && canonicalJson(a) !== canonicalJson(b))
    changes.push({ field: 'details', from: 'before', to: 'changed' });
  return changes.map((c) => (OPAQUE.includes(c.field) ? { ...c, from: 'before', to: 'changed' } : c));
}

/** Fields compared whole and shown only as changed. */
const OPAQUE = ['form', 'escalation', 'details', 'fees', 'documents', 'settings'];

export function diffPlans(a: ServicePlan, b: ServicePlan): PlanDiff {
  const summary = (step: PlanStep) => ({ step: step.id, kind: step.kind, title: step.title.en });
  const added = Object.values(b.steps)
    .filter((step) => !a.steps[step.id])
    .map(summary);
  const removed = Object.values(a.steps)
    .filter((step) => !b.steps[step.id])
    .map(summary);
  const changed = Object.values(b.steps).flatMap((step) => {
    const before = a.steps[step.id];
    const changes = before ? compareSteps(before, step) : [];
    return changes.length ? [{ step: step.id, changes }] : [];
  });
  const service: FieldChange[] = [];
  const field = (name: string, from: string, to: string) => {
    if (from !== to) service.push({ field: name, from, to });
  };
  service.push(...titleChanges('title', a.title, b.title));
  field('sla', a.sla.text, b.sla.text);
  field('clock', a.sla.clock, b.sla.clock);
  field('intake', a.intake.join(', '), b.intake.join(', '));
  field('first step', a.start, b.start);
  field('fees', canonicalJson(a.fees), canonicalJson(b.fees));
  field('form', canonicalJson(a.form ?? null), canonicalJson(b.form ?? null));
  field('documents', canonicalJson(a.documents), canonicalJson(b.documents));
  field('settings', canonicalJson(settingsOf(a)), canonicalJson(settingsOf(b)));
  return { added, removed, changed, service };
}

/** Keys of a plan compared one by one, or not a matter of the definition (version, hash). */
const COMPARED = [
  'serviceId',
  'version',
  'hash',
  'title',
  'sla',
  'intake',
  'start',
  'fees',
  'form',
  'documents',
  'steps',
];

/** What a plan says besides its steps and the fields compared one by one: clocks, deadlines, routing. */
function settingsOf(plan: ServicePlan): Record<string, unknown> {
  return Object.fromEntries(Object.entries(plan).filter(([key]) => !COMPARED.includes(key)));
}

export function formatDiff(diff: PlanDiff, header: string): string {
  const lines = [header];
  const brief = (c: FieldChange) =>
    OPAQUE.includes(c.field) ? `${c.field} changed` : `${c.field}: ${c.from || '-'} → ${c.to || '-'}`;
  for (const c of diff.service) lines.push(`  ~ service ${brief(c)}`);
  for (const s of diff.added) lines.push(`  + ${s.step} (${s.kind}) ${s.title}`);
  for (const s of diff.removed) lines.push(`  - ${s.step} (${s.kind}) ${s.title}`);
  for (const s of diff.changed) lines.push(`  ~ ${s.step}: ${s.changes.map(brief).join('; ')}`);
  if (lines.length === 1) lines.push('  no differences');
  return lines.join('\n');
}
