/**
 * Proves that no task or inquiry can open with every outcome used up. An outcome with
 * `maxTimes` is offered only while it has been taken fewer times; a loop whose way back is
 * bounded but whose way in is not lets the step open a last time with nothing to choose, and
 * nobody can ever complete the request. The check walks every state the request can be in
 * (the step it is at, and how often each bounded outcome has been taken) and reports the first
 * way to such a step.
 */
import type { PlanStep, ServicePlan } from '../plan/types';

/** Beyond this many states the walk gives up rather than hold the loader. */
const MAX_STATES = 200_000;

export interface DeadEnd {
  /** The step that opens with no outcome left. */
  step: string;
  /** The steps from the first one to it, the dead-end step last. */
  way: string[];
  /** Its outcomes, each with how often it was taken and how often it may be. */
  spent: { outcome: string; taken: number; maxTimes: number }[];
}

interface State {
  at: string;
  counts: number[];
  previous?: State;
}

/** Every bounded outcome of the plan, numbered: the counters of a state. */
function boundedOutcomes(plan: ServicePlan): Map<string, { index: number; maxTimes: number }> {
  const bounded = new Map<string, { index: number; maxTimes: number }>();
  for (const step of Object.values(plan.steps)) {
    if (step.kind !== 'task' && step.kind !== 'inquiry') continue;
    for (const [id, outcome] of Object.entries(step.outcomes)) {
      if (outcome.maxTimes !== undefined)
        bounded.set(`${step.id}/${id}`, { index: bounded.size, maxTimes: outcome.maxTimes });
    }
  }
  return bounded;
}

/**
 * The ways on from a step with the counters as they are: each outcome still offered, or the
 * step's one way on. A parallel step goes to each branch and to what follows the group (the
 * counters its branches spend are not carried over, which only lets more states be found).
 */
function successors(
  step: PlanStep,
  counts: number[],
  bounded: ReturnType<typeof boundedOutcomes>,
): { to: string | null; counts: number[] }[] {
  switch (step.kind) {
    case 'task':
    case 'inquiry':
      return Object.entries(step.outcomes).flatMap(([id, outcome]) => {
        const bound = bounded.get(`${step.id}/${id}`);
        if (!bound) return [{ to: outcome.next, counts }];
        const taken = counts[bound.index] ?? 0;
        if (taken >= bound.maxTimes) return [];
        const after = [...counts];
        after[bound.index] = taken + 1;
        return [{ to: outcome.next, counts: after }];
      });
    case 'branch':
      return [...step.cases.map((c) => c.next), step.default].map((to) => ({ to, counts }));
    case 'parallel':
      return [...step.branches.map((b) => b.start), step.next].map((to) => ({ to, counts }));
    case 'end':
      return [];
    default:
      return [{ to: step.next, counts }];
  }
}

function wayTo(state: State): string[] {
  const way: string[] = [];
  for (let s: State | undefined = state; s; s = s.previous) way.unshift(s.at);
  return way;
}

/** Steps that can open with no outcome left, each with the shortest way to it; none when the walk is too large. */
export function deadEnds(plan: ServicePlan): DeadEnd[] {
  const bounded = boundedOutcomes(plan);
  if (bounded.size === 0) return [];
  const found = new Map<string, DeadEnd>();
  const seen = new Set<string>();
  const queue: State[] = [{ at: plan.start, counts: new Array<number>(bounded.size).fill(0) }];
  seen.add(`${plan.start}|${queue[0]?.counts.join(',')}`);
  for (let head = 0; head < queue.length; head++) {
    if (seen.size > MAX_STATES) return [];
    const state = queue[head] as State;
    const step = plan.steps[state.at];
    if (!step) continue;
    const ways = successors(step, state.counts, bounded);
    if ((step.kind === 'task' || step.kind === 'inquiry') && ways.length === 0 && !found.has(step.id)) {
      found.set(step.id, {
        step: step.id,
        way: wayTo(state),
        spent: Object.entries(step.outcomes).map(([id, outcome]) => ({
          outcome: id,
          taken: state.counts[bounded.get(`${step.id}/${id}`)?.index ?? -1] ?? 0,
          maxTimes: outcome.maxTimes ?? Infinity,
        })),
      });
    }
    for (const way of ways) {
      if (way.to === null) continue;
      const key = `${way.to}|${way.counts.join(',')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      queue.push({ at: way.to, counts: way.counts, previous: state });
    }
  }
  return [...found.values()];
}
