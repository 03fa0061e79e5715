/**
 * Checks over the whole graph of steps: steps that can never be reached, loops with no way
 * out, steps that can open with every outcome used up, a `sameAs` that names a step that
 * cannot have run yet, and step SLAs that cannot fit the service SLA.
 */
import { nominalDayMs } from '../calendar/working-time';
import type { PlanDuration, PlanStep, ServicePlan } from '../plan/types';
import type { Compilation } from './compile-context';
import { deadEnds } from './compile-loops';

type Edge = { from: string; to: string };

/** The target a step's `null` (end of its branch) leads to: what follows the parallel step. */
function continuation(plan: ServicePlan, scope: string): string | undefined {
  if (scope === '') return undefined;
  const parallel = plan.steps[scope.split('/')[0] ?? ''];
  if (parallel?.kind !== 'parallel') return undefined;
  return parallel.next ?? continuation(plan, parallel.scope);
}

function targets(step: PlanStep): (string | null)[] {
  switch (step.kind) {
    case 'task':
    case 'inquiry':
      return Object.values(step.outcomes).map((outcome) => outcome.next);
    case 'branch':
      return [...step.cases.map((branch) => branch.next), step.default];
    case 'parallel':
      return step.branches.map((branch) => branch.start);
    case 'end':
      return [];
    default:
      return [step.next];
  }
}

export function edgesOf(plan: ServicePlan): Edge[] {
  return Object.values(plan.steps).flatMap((step) =>
    targets(step).flatMap((to): Edge[] => {
      const resolved = to ?? continuation(plan, step.scope);
      return resolved && plan.steps[resolved] ? [{ from: step.id, to: resolved }] : [];
    }),
  );
}

export function reachable(start: string, edges: Edge[], forward = true): Set<string> {
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

/** A duration in nominal working milliseconds; continuous time counts at the working share of a day. */
const durationMs = (d: PlanDuration, dayMs: number) =>
  d.clock === 'continuous'
    ? ((d.duration.days * 86_400_000 + d.duration.ms) * dayMs) / 86_400_000
    : d.duration.days * dayMs + d.duration.ms;

interface Path {
  ms: number;
  steps: string[];
}

/**
 * The fastest way from a step to the end of its scope (a completed end, or the end of its
 * branch), by the sum of step SLAs; a parallel step costs its slowest branch (join all) or its
 * fastest (join any).
 */
function fastest(
  plan: ServicePlan,
  from: string,
  dayMs: number,
  memo: Map<string, Path | undefined>,
): Path | undefined {
  if (memo.has(from)) return memo.get(from);
  memo.set(from, undefined); // guards recursion through nested parallels
  const scope = plan.steps[from]?.scope ?? '';
  const cost = (id: string): number | undefined => {
    const step = plan.steps[id];
    if (!step) return undefined;
    // Time the request waits on the applicant is the citizen's, not the municipality's.
    if (step.kind === 'task' && step.assignee.type === 'applicant') return 0;
    // A step with no SLA of its own is bounded only by the service's target.
    if ((step.kind === 'task' || step.kind === 'inquiry' || step.kind === 'payment') && step.slaOfService)
      return 0;
    if (step.kind === 'task' || step.kind === 'inquiry' || step.kind === 'payment')
      return durationMs(step.sla, dayMs);
    if (step.kind !== 'parallel') return 0;
    const branches = step.branches.map((branch) => fastest(plan, branch.start, dayMs, memo)?.ms);
    if (step.join === 'all')
      return branches.some((ms) => ms === undefined) ? undefined : Math.max(...(branches as number[]));
    const done = branches.filter((ms): ms is number => ms !== undefined);
    return done.length ? Math.min(...done) : undefined;
  };
  const EXIT = '#exit';
  const startCost = cost(from);
  if (startCost === undefined) return undefined;
  const best = new Map<string, Path>([[from, { ms: startCost, steps: [from] }]]);
  const done = new Set<string>();
  for (;;) {
    let current: string | undefined;
    for (const [id, entry] of best) {
      if (!done.has(id) && (current === undefined || entry.ms < (best.get(current)?.ms ?? Infinity)))
        current = id;
    }
    if (current === undefined) break;
    const here = best.get(current) as Path;
    if (current === EXIT) {
      memo.set(from, here);
      return here;
    }
    done.add(current);
    const step = plan.steps[current];
    if (!step || step.kind === 'end') continue;
    const nextIds = step.kind === 'parallel' ? [step.next] : targets(step);
    for (const to of nextIds) {
      const target = to === null ? undefined : plan.steps[to];
      const isExit = to === null ? scope !== '' : target?.kind === 'end' && target.result === 'completed';
      const id = isExit ? EXIT : to;
      if (id === null || (!isExit && (!target || target.kind === 'end' || target.scope !== scope))) continue;
      const ms = here.ms + (isExit ? 0 : (cost(id) ?? Infinity));
      if (ms < (best.get(id)?.ms ?? Infinity)) {
        best.set(id, { ms, steps: isExit ? [...here.steps, ...(to ? [to] : [])] : [...here.steps, id] });
      }
    }
  }
  return undefined;
}

/** Hours, minutes and seconds of a length of time, such as `4h 30m`. */
function clockTime(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const parts = [
    [Math.floor(seconds / 3600), 'h'],
    [Math.floor((seconds % 3600) / 60), 'm'],
    [seconds % 60, 's'],
  ].filter(([n]) => n !== 0);
  return parts.map(([n, unit]) => `${n}${unit}`).join(' ') || '0s';
}

const plural = (n: number, word: string) =>
  `${Number.isInteger(n) ? n : n.toFixed(1)} ${word}${n === 1 ? '' : 's'}`;

/**
 * A length of nominal working time, said the way the service SLA's clock counts it: working
 * days and working time, or (continuous) days and hours of every day.
 */
function formatDuration(ms: number, dayMs: number, clock: PlanDuration['clock']): string {
  if (clock === 'continuous') {
    const wall = (ms * 86_400_000) / dayMs;
    return wall >= 86_400_000 ? plural(wall / 86_400_000, 'day') : clockTime(wall);
  }
  return ms >= dayMs ? plural(ms / dayMs, 'working day') : `${clockTime(ms)} of working time`;
}

export function checkGraph(c: Compilation, plan: ServicePlan): void {
  const edges = edgesOf(plan);
  const fromStart = reachable(plan.start, edges);
  const ends = Object.values(plan.steps).filter((step) => step.kind === 'end');
  const canFinish = new Set(ends.flatMap((end) => [...reachable(end.id, edges, false)]));
  for (const [id, entry] of c.entries) {
    if (!fromStart.has(id)) {
      c.report(
        [...entry.path, 'id'],
        `step '${id}' can never be reached from the first step`,
        'unreachable-step',
      );
    } else if (!canFinish.has(id)) {
      c.report(
        [...entry.path, 'id'],
        `from step '${id}' no path leads to an end step: a loop with no way out`,
        'no-way-out',
      );
    }
    const step = plan.steps[id];
    if (step?.kind === 'task' && step.assignee.type === 'same-as') {
      const earlier = step.assignee.step;
      if (plan.steps[earlier] && !reachable(earlier, edges).has(id)) {
        c.report(
          [...entry.path, 'assignee', 'sameAs'],
          `step '${earlier}' never runs before '${id}', so it has no actor to reuse`,
          'same-as-order',
        );
      }
    }
  }
  for (const dead of deadEnds(plan)) {
    const entry = c.entries.get(dead.step);
    const spent = dead.spent.map((s) => `'${s.outcome}' taken ${s.taken} of ${s.maxTimes} times`).join(', ');
    c.report(
      [...(entry?.path ?? ['steps']), 'id'],
      `step '${dead.step}' can open with no outcome left (${spent}) by the way ` +
        `${dead.way.join(' > ')}; bound the outcome that leads here as tightly as the way back ` +
        '(`maxTimes`), or give the step another way out',
      'no-outcome-left',
    );
  }
  if (!ends.some((end) => end.kind === 'end' && end.result === 'completed' && end.scope === '')) {
    c.report(['steps'], 'the service has no end step with result `completed`', 'no-completion');
    return;
  }
  const dayMs = nominalDayMs(c.org.calendar);
  const path = fastest(plan, plan.start, dayMs, new Map());
  if (path && path.ms > durationMs(plan.sla, dayMs)) {
    c.report(
      ['sla'],
      `the steps cannot fit the service SLA ${plan.sla.text}: the fastest way to completion ` +
        `(${path.steps.join(' > ')}) takes ${formatDuration(path.ms, dayMs, plan.sla.clock)} by its step SLAs`,
      'sla-does-not-fit',
    );
  }
}
