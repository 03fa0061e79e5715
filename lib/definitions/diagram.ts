/**
 * Draws a plan as a Mermaid flowchart: every step with who does it, its SLA and clock, the
 * status the citizen reads, a clock that stands still; the outcomes and branch conditions on
 * the arrows (with the roles an outcome is kept to), loops dotted with their limit, parallel
 * groups as boxes, reminders and escalation ladders with their rung times, and timeouts.
 */
import type { PlanDuration, PlanEscalation, PlanStep, ServicePlan } from '../plan/types';
import { describeAssignee } from './diff';

const node = (id: string) => `s_${id.replace(/-/g, '_')}`;
/** Text inside a label, with Mermaid's entity codes for the characters its syntax uses. */
const text = (value: string) =>
  value.replace(/"/g, '#quot;').replace(/\|/g, '#124;').replace(/</g, '#lt;').replace(/>/g, '#gt;');

/** The reminder and the rungs with their times past the deadline: `⏰ 80% ⚠ PT0S supervisor › P2D reassign`. */
function ladder(escalation: PlanEscalation): string {
  const reminder = escalation.remindAt > 0 ? `⏰ ${Math.round(escalation.remindAt * 100)}%` : '';
  const rungs = escalation.ladder.map(
    (rung) => `${rung.after.text} ${rung.to}${rung.every ? ` every ${rung.every.text}` : ''}`,
  );
  const depth = escalation.maxDepth !== undefined ? ` (up to level ${escalation.maxDepth})` : '';
  return [reminder, rungs.length ? `⚠ ${rungs.join(' › ')}${depth}` : ''].filter(Boolean).join(' ');
}

/** An SLA as the diagram shows it: its duration, and the clock when it is not working time. */
const slaText = (step: { sla: PlanDuration; slaOfService?: true }) =>
  step.slaOfService
    ? 'no SLA of its own'
    : `${step.sla.text}${step.sla.clock === 'continuous' ? ' continuous' : ''}`;

function label(step: PlanStep): string {
  const lines = [text(step.title.en), text(step.title.fa)];
  if (step.status) lines.push(`citizen reads: ${text(step.status.en)}`);
  switch (step.kind) {
    case 'task':
      lines.push(`${text(describeAssignee(step.assignee))} · ${slaText(step)}`);
      break;
    case 'inquiry':
      lines.push(`inquiry to ${step.agency} · ${slaText(step)}`);
      break;
    case 'payment':
      lines.push(`fee ${step.fee} to the treasury · ${slaText(step)}`);
      break;
    case 'automatic':
      lines.push(`action ${step.action}`);
      break;
    case 'notify':
      lines.push(`to ${step.to.map((to) => text(describeAssignee(to))).join(', ')}`);
      break;
    case 'parallel':
      lines.push(`join ${step.join}`);
      break;
    default:
      break;
  }
  if ((step.kind === 'task' || step.kind === 'inquiry') && step.suspend)
    lines.push(`⏸ clock stands still up to ${step.suspend.expected.text}`);
  const timesOut = (step.kind === 'task' || step.kind === 'inquiry') && step.onTimeout !== undefined;
  const applicant = step.kind === 'task' && step.assignee.type === 'applicant';
  if ('escalation' in step && !applicant && !timesOut) {
    const rungs = ladder(step.escalation);
    if (rungs) lines.push(rungs);
  }
  return lines.join('<br/>');
}

function shape(step: PlanStep): string {
  const id = node(step.id);
  const body = `"${label(step)}"`;
  switch (step.kind) {
    case 'branch':
      return `${id}{${body}}`;
    case 'automatic':
      return `${id}[/${body}/]`;
    case 'notify':
      return `${id}>${body}]`;
    case 'end':
      return `${id}([${body}])`;
    case 'parallel':
      return `${id}[[${body}]]`;
    default:
      return `${id}[${body}]`;
  }
}

export function diagram(plan: ServicePlan): string {
  const lines = ['flowchart TD'];
  const steps = Object.values(plan.steps);
  const emit = (scope: string, indent: string) => {
    for (const step of steps.filter((s) => s.scope === scope)) {
      lines.push(`${indent}${shape(step)}`);
      if (step.kind === 'parallel') {
        for (const branch of step.branches) {
          const key = `${step.id}/${branch.id}`;
          lines.push(`${indent}subgraph ${node(`${step.id}-${branch.id}`)}["${text(branch.id)}"]`);
          emit(key, `${indent}  `);
          lines.push(`${indent}end`);
        }
        lines.push(`${indent}${node(`${step.id}-join`)}(("join ${step.join}"))`);
      }
    }
  };
  emit('', '  ');

  /** Where a `null` next leads: the join of the parallel group the step's branch belongs to. */
  const target = (from: PlanStep, to: string | null) =>
    to === null ? node(`${from.scope.split('/')[0] ?? ''}-join`) : node(to);
  const edge = (from: PlanStep, to: string | null, label?: string, dotted = false) => {
    const arrow = dotted ? '-.->' : '-->';
    lines.push(`  ${node(from.id)} ${arrow}${label ? `|${text(label)}|` : ''} ${target(from, to)}`);
  };

  for (const step of steps) {
    switch (step.kind) {
      case 'task':
      case 'inquiry':
        for (const [id, outcome] of Object.entries(step.outcomes)) {
          const limited = outcome.maxTimes !== undefined;
          const roles = outcome.roles ? ` 🔒 ${outcome.roles.join(', ')}` : '';
          edge(step, outcome.next, `${id}${limited ? ` ≤${outcome.maxTimes}` : ''}${roles}`, limited);
        }
        if (step.onTimeout)
          edge(step, step.outcomes[step.onTimeout]?.next ?? null, `timeout: ${step.onTimeout}`, true);
        break;
      case 'branch':
        step.cases.forEach((branch) => edge(step, branch.next, branch.text));
        edge(step, step.default, 'default');
        break;
      case 'parallel':
        step.branches.forEach((branch) => edge(step, branch.start));
        lines.push(`  ${node(`${step.id}-join`)} --> ${target(step, step.next)}`);
        break;
      case 'end':
        break;
      default:
        edge(step, step.next);
    }
  }
  lines.push(
    '  classDef work fill:#eef4ff,stroke:#3a6fc4',
    '  classDef auto fill:#f4f4f4,stroke:#888',
    '  classDef finish fill:#eefaf0,stroke:#3a8f4f',
  );
  const byClass = (kinds: string[]) => steps.filter((s) => kinds.includes(s.kind)).map((s) => node(s.id));
  for (const [cls, kinds] of [
    ['work', ['task', 'inquiry', 'payment']],
    ['auto', ['automatic', 'notify', 'branch', 'parallel']],
    ['finish', ['end']],
  ] as const) {
    const ids = byClass([...kinds]);
    if (ids.length) lines.push(`  class ${ids.join(',')} ${cls}`);
  }
  return `${lines.join('\n')}\n`;
}
