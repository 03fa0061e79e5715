/**
 * A step-level comparison of two plans of a service, for designers about to publish or roll
 * back: steps added and removed, and for each step kept what changed (assignee, SLA,
 * outcomes, kind, title, form, escalation, where it leads).
 */
import { canonicalJson } from './canonical-json';
import type { PlanAssignee, PlanStep, ServicePlan } from '../plan/types';

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
      return `department ${assignee.department}${assignee.role ? ` (${assignee.role})` : ''}`;
    case 'same-as':
      return `the same as ${assignee.step}`;
    case 'applicant':
      return 'the applicant';
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
  field('title', a.title.en, b.title.en);
  field(
    'assignee',
    'assignee' in a ? describeAssignee(a.assignee) : '',
    'assignee' in b ? describeAssignee(b.assignee) : '',
  );
  if (a.kind === 'inquiry' || b.kind === 'inquiry') {
    field('agency', a.kind === 'inquiry' ? a.agency : '', b.kind === 'inquiry' ? b.agency : '');
  }
  field('sla', 'sla' in a ? a.sla.text : '', 'sla' in b ? b.sla.text : '');
  const [ao, bo] = [outcomesOf(a), outcomesOf(b)];
  for (const id of new Set([...Object.keys(ao), ...Object.keys(bo)])) {
    field(`outcome ${id}`, ao[id] ?? '(none)', bo[id] ?? '(none)');
  }
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
  return changes.map((c) =>
    c.field === 'form' || c.field === 'escalation' ? { ...c, from: 'before', to: 'changed' } : c,
  );
}

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
  field('title', a.title.en, b.title.en);
  field('sla', a.sla.text, b.sla.text);
  field('intake', a.intake.join(', '), b.intake.join(', '));
  field('first step', a.start, b.start);
  field('fees', canonicalJson(a.fees), canonicalJson(b.fees));
  field('form', canonicalJson(a.form ?? null), canonicalJson(b.form ?? null));
  return { added, removed, changed, service };
}

export function formatDiff(diff: PlanDiff, header: string): string {
  const lines = [header];
  const brief = (c: FieldChange) =>
    ['fees', 'form', 'escalation'].includes(c.field)
      ? `${c.field} changed`
      : `${c.field}: ${c.from || '-'} → ${c.to || '-'}`;
  for (const c of diff.service) lines.push(`  ~ service ${brief(c)}`);
  for (const s of diff.added) lines.push(`  + ${s.step} (${s.kind}) ${s.title}`);
  for (const s of diff.removed) lines.push(`  - ${s.step} (${s.kind}) ${s.title}`);
  for (const s of diff.changed) lines.push(`  ~ ${s.step}: ${s.changes.map(brief).join('; ')}`);
  if (lines.length === 1) lines.push('  no differences');
  return lines.join('\n');
}
