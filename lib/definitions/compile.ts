/**
 * Compiles a validated service definition into the execution plan the interpreter runs, and
 * checks what a schema cannot: references between steps, fees and departments, expressions,
 * forms, reachability, loops with no way out, and whether the steps fit the service SLA.
 */
import { parseWorkingDuration, type ResolvedCalendar } from '../calendar/working-time';
import { fieldsOf, type Expr } from '../expressions/ast';
import { ExpressionSyntaxError, parseExpression } from '../expressions/parse';
import type { ServiceDefinition, Step } from '../generated/service-definition';
import type { Organisation } from '../organisation/organisation';
import { DEFAULT_MAX_TIMES, STANDARD_OUTCOMES } from '../plan/outcome-titles';
import type { PlanAssignee, PlanOutcome, PlanSla, PlanStep, ServicePlan } from '../plan/types';
import { contentHash } from './canonical-json';
import { compileForm, formFields } from './form-schemas';
import type { Problem } from './problem';
import { didYouMean } from './schemas';
import type { DocPath, YamlSource } from './yaml-source';

export interface CompileResult {
  plan?: ServicePlan;
  problems: Problem[];
}

type Edge = { from: string; to: string; outcome?: string };

class Compilation {
  readonly problems: Problem[] = [];
  readonly stepIndex = new Map<string, number>();
  readonly fields: string[][];

  constructor(
    readonly def: ServiceDefinition,
    readonly source: YamlSource,
    readonly org: Organisation,
  ) {
    this.fields = [
      ...formFields(def.form),
      ...def.steps.flatMap((step) => (step.kind === 'task' ? formFields(step.form) : [])),
    ];
  }

  report(path: DocPath, message: string, rule: string, options: { key?: boolean } = {}): void {
    this.problems.push(this.source.problem(path, message, rule, options));
  }

  stepIds(): string[] {
    return [...this.stepIndex.keys()];
  }

  /** Checks that a step reference exists; returns it unchanged so callers can keep going. */
  stepRef(id: string, path: DocPath): string {
    if (!this.stepIndex.has(id)) {
      this.report(path, `unknown step '${id}'${didYouMean(id, this.stepIds())}`, 'unknown-step');
    }
    return id;
  }

  sla(text: string, path: DocPath): PlanSla {
    const duration = parseWorkingDuration(text) ?? { days: 0, ms: 0 };
    if (duration.days === 0 && duration.ms === 0)
      this.report(path, 'an SLA must be longer than zero', 'sla-zero');
    return { text, duration };
  }

  expression(text: string, path: DocPath): Expr {
    try {
      const expr = parseExpression(text);
      const known = this.fields.map((f) => f.join('.'));
      for (const field of fieldsOf(expr)) {
        const name = field.join('.');
        if (!known.includes(name)) {
          this.report(
            path,
            `expression reads '${name}', which no form of this service declares${didYouMean(name, known)}`,
            'unknown-field',
          );
        }
      }
      return expr;
    } catch (error) {
      if (!(error instanceof ExpressionSyntaxError)) throw error;
      const at = error.index === undefined ? '' : ` (at character ${error.index + 1})`;
      this.report(path, `invalid expression '${text}': ${error.message}${at}`, 'expression-syntax');
      return { k: 'literal', value: null };
    }
  }

  form(schema: Record<string, unknown> | undefined, path: DocPath): Record<string, unknown> | undefined {
    if (!schema) return undefined;
    try {
      compileForm(schema);
    } catch (error) {
      this.report(path, `form schema does not compile: ${(error as Error).message}`, 'form-schema');
    }
    return schema;
  }

  assignee(step: Extract<Step, { kind: 'task' }>, path: DocPath): PlanAssignee {
    const department = step.assignee.department;
    if (department === undefined) return { type: 'intake-office' };
    const found = this.org.department(department);
    if (!found) {
      this.report(
        [...path, 'department'],
        `unknown department '${department}'${didYouMean(department, this.org.departmentIds())}`,
        'unknown-department',
      );
    }
    return { type: 'department', department, perDistrict: found?.perDistrict ?? false };
  }
}

/** The step that follows in the list, for steps whose `next` is left out. */
function fallThrough(c: Compilation, index: number, path: DocPath): string {
  const following = c.def.steps[index + 1];
  if (!following) {
    c.report(path, 'the last step must be an end step or name its `next`', 'missing-next');
    return '';
  }
  return following.id;
}

function compileStep(c: Compilation, step: Step, index: number, edges: Edge[]): PlanStep {
  const path: DocPath = ['steps', index];
  const next = (explicit: string | undefined) =>
    explicit === undefined ? fallThrough(c, index, path) : c.stepRef(explicit, [...path, 'next']);
  switch (step.kind) {
    case 'task': {
      const outcomes: Record<string, PlanOutcome> = {};
      const declared = step.outcomes ?? { done: { next: next(step.next) } };
      if (step.outcomes && step.next !== undefined) {
        c.report(
          [...path, 'next'],
          'a task with outcomes names `next` on each outcome instead',
          'next-with-outcomes',
          {
            key: true,
          },
        );
      }
      for (const [id, outcome] of Object.entries(declared)) {
        const outcomePath = [...path, 'outcomes', id];
        const target = step.outcomes ? c.stepRef(outcome.next, [...outcomePath, 'next']) : outcome.next;
        const title = outcome.title ?? STANDARD_OUTCOMES[id];
        if (!title) {
          c.report(outcomePath, `outcome '${id}' is not a standard one and needs a title`, 'outcome-title', {
            key: true,
          });
        }
        const leadsBack = (c.stepIndex.get(target) ?? Infinity) <= index;
        outcomes[id] = {
          title: title ?? { fa: id, en: id },
          next: target,
          ...(leadsBack || outcome.maxTimes !== undefined
            ? { maxTimes: outcome.maxTimes ?? DEFAULT_MAX_TIMES }
            : {}),
        };
        edges.push({ from: step.id, to: target, outcome: id });
      }
      const form = c.form(step.form, [...path, 'form']);
      return {
        kind: 'task',
        id: step.id,
        title: step.title,
        assignee: c.assignee(step, [...path, 'assignee']),
        sla: c.sla(step.sla, [...path, 'sla']),
        ...(form ? { form } : {}),
        outcomes,
      };
    }
    case 'payment': {
      if (!(c.def.fees ?? []).some((fee) => fee.id === step.fee)) {
        const fees = (c.def.fees ?? []).map((fee) => fee.id);
        c.report([...path, 'fee'], `unknown fee '${step.fee}'${didYouMean(step.fee, fees)}`, 'unknown-fee');
      }
      const target = next(step.next);
      edges.push({ from: step.id, to: target });
      return {
        kind: 'payment',
        id: step.id,
        title: step.title,
        fee: step.fee,
        sla: c.sla(step.sla, [...path, 'sla']),
        next: target,
      };
    }
    case 'branch': {
      const cases = step.cases.map((branch, i) => {
        const to = c.stepRef(branch.next, [...path, 'cases', i, 'next']);
        edges.push({ from: step.id, to });
        return {
          when: c.expression(branch.when, [...path, 'cases', i, 'when']),
          text: branch.when,
          next: to,
        };
      });
      const fallback = c.stepRef(step.default, [...path, 'default']);
      edges.push({ from: step.id, to: fallback });
      const title = step.title ?? { fa: 'انتخاب مسیر', en: 'Route by request data' };
      return { kind: 'branch', id: step.id, title, cases, default: fallback };
    }
    case 'end': {
      const title =
        step.title ??
        (step.result === 'completed'
          ? { fa: 'پایان: انجام شد', en: 'Completed' }
          : { fa: 'پایان: رد شد', en: 'Rejected' });
      return { kind: 'end', id: step.id, title, result: step.result };
    }
  }
}

function reachable(start: string, edges: Edge[], forward = true): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length > 0) {
    const at = queue.shift() as string;
    for (const edge of edges) {
      const [from, to] = forward ? [edge.from, edge.to] : [edge.to, edge.from];
      if (from === at && !seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return seen;
}

/** Nominal length of a working day, to compare SLAs given in days with ones given in hours. */
function nominalDayMs(calendar: ResolvedCalendar): number {
  const lengths = calendar.week.flatMap((hours) => (hours ? [hours[1] - hours[0]] : []));
  return Math.max(...lengths, 1) * 60_000;
}

function slaMs(sla: PlanSla, dayMs: number): number {
  return sla.duration.days * dayMs + sla.duration.ms;
}

/** The fastest way from the start to a completed end, by the sum of step SLAs (Dijkstra). */
function fastestCompletion(
  plan: ServicePlan,
  edges: Edge[],
  dayMs: number,
): { ms: number; path: string[] } | undefined {
  const cost = (id: string) => {
    const step = plan.steps[id];
    return step && (step.kind === 'task' || step.kind === 'payment') ? slaMs(step.sla, dayMs) : 0;
  };
  const best = new Map<string, { ms: number; path: string[] }>([
    [plan.start, { ms: cost(plan.start), path: [plan.start] }],
  ]);
  const done = new Set<string>();
  for (;;) {
    let current: string | undefined;
    for (const [id, entry] of best) {
      if (!done.has(id) && (current === undefined || entry.ms < (best.get(current)?.ms ?? Infinity)))
        current = id;
    }
    if (current === undefined) return undefined;
    const here = best.get(current) as { ms: number; path: string[] };
    const step = plan.steps[current];
    if (step?.kind === 'end' && step.result === 'completed') return here;
    done.add(current);
    for (const edge of edges) {
      if (edge.from !== current) continue;
      const ms = here.ms + cost(edge.to);
      if (ms < (best.get(edge.to)?.ms ?? Infinity)) best.set(edge.to, { ms, path: [...here.path, edge.to] });
    }
  }
}

function formatDays(ms: number, dayMs: number): string {
  const days = ms / dayMs;
  return `${Number.isInteger(days) ? days : days.toFixed(1)} working day${days === 1 ? '' : 's'}`;
}

function checkGraph(c: Compilation, plan: ServicePlan, edges: Edge[]): void {
  const valid = edges.filter((edge) => plan.steps[edge.to]);
  const fromStart = reachable(plan.start, valid);
  const ends = Object.values(plan.steps).filter((step) => step.kind === 'end');
  const canFinish = new Set(ends.flatMap((end) => [...reachable(end.id, valid, false)]));
  c.def.steps.forEach((step, index) => {
    if (!plan.steps[step.id] || c.stepIndex.get(step.id) !== index) return;
    if (!fromStart.has(step.id)) {
      c.report(
        ['steps', index, 'id'],
        `step '${step.id}' can never be reached from the first step`,
        'unreachable-step',
      );
    } else if (!canFinish.has(step.id)) {
      c.report(
        ['steps', index, 'id'],
        `from step '${step.id}' no path leads to an end step: a loop with no way out`,
        'no-way-out',
      );
    }
  });
  if (!ends.some((end) => end.kind === 'end' && end.result === 'completed')) {
    c.report(['steps'], 'the service has no end step with result `completed`', 'no-completion');
    return;
  }
  const dayMs = nominalDayMs(c.org.calendar);
  const fastest = fastestCompletion(plan, valid, dayMs);
  if (fastest && fastest.ms > slaMs(plan.sla, dayMs)) {
    c.report(
      ['sla'],
      `the steps cannot fit the service SLA ${plan.sla.text}: the fastest way to completion ` +
        `(${fastest.path.join(' > ')}) takes ${formatDays(fastest.ms, dayMs)} by its step SLAs`,
      'sla-does-not-fit',
    );
  }
}

export function compileService(def: ServiceDefinition, source: YamlSource, org: Organisation): CompileResult {
  const c = new Compilation(def, source, org);
  def.steps.forEach((step, index) => {
    if (c.stepIndex.has(step.id)) {
      c.report(['steps', index, 'id'], `duplicate step id '${step.id}'`, 'duplicate-id');
    } else {
      c.stepIndex.set(step.id, index);
    }
  });

  const fees: ServicePlan['fees'] = {};
  (def.fees ?? []).forEach((fee, index) => {
    if (fees[fee.id]) {
      c.report(['fees', index, 'id'], `duplicate fee id '${fee.id}'`, 'duplicate-id');
      return;
    }
    fees[fee.id] =
      typeof fee.amount === 'number'
        ? { id: fee.id, title: fee.title, amount: { fixed: fee.amount } }
        : {
            id: fee.id,
            title: fee.title,
            amount: { formula: c.expression(fee.amount, ['fees', index, 'amount']), text: fee.amount },
          };
    if (!def.steps.some((step) => step.kind === 'payment' && step.fee === fee.id)) {
      c.report(
        ['fees', index, 'id'],
        `fee '${fee.id}' is never paid: no payment step names it`,
        'fee-without-payment',
      );
    }
  });

  const edges: Edge[] = [];
  const steps: Record<string, PlanStep> = {};
  def.steps.forEach((step, index) => {
    if (c.stepIndex.get(step.id) === index) steps[step.id] = compileStep(c, step, index, edges);
  });

  const form = c.form(def.form, ['form']);
  const plan: ServicePlan = {
    serviceId: def.id,
    version: 0,
    hash: contentHash(def),
    title: def.title,
    domain: def.domain,
    intake: def.intake,
    sla: c.sla(def.sla, ['sla']),
    ...(form ? { form } : {}),
    documents: (def.documents ?? []).map((d) => ({
      id: d.id,
      title: d.title,
      optional: d.optional ?? false,
    })),
    fees,
    start: def.steps[0]?.id ?? '',
    steps,
  };
  // With a dangling reference the graph is not the designer's; its findings would be noise.
  if (!c.problems.some((p) => p.rule === 'unknown-step' || p.rule === 'duplicate-id'))
    checkGraph(c, plan, edges);
  return c.problems.length > 0 ? { problems: c.problems } : { plan, problems: [] };
}
