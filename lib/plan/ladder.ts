/**
 * A ladder as the deadline watch climbs it: a `superior` rung that climbs `every` so often
 * stands for one rung per level it climbs, `every` apart, to the ladder's highest level or the
 * top of the chain. Levels count as the escalation targets reach them: the supervisor is 1, a
 * `superior` one above the highest reached (2 when none was), a department's task taken over
 * by its head stays at 1.
 */
import type { PlanDuration, PlanEscalation, PlanRung } from './types';

/** A bound for a chain no one measured: the compiler's own. */
const CHAIN_LIMIT = 10;

const later = (start: PlanDuration, step: PlanDuration, times: number): PlanDuration => ({
  text: times === 0 ? start.text : `${start.text}+${times}×${step.text}`,
  clock: start.clock,
  duration: {
    days: start.duration.days + times * step.duration.days,
    ms: start.duration.ms + times * step.duration.ms,
  },
});

export function climbingLadder(escalation: PlanEscalation): PlanEscalation {
  if (!escalation.ladder.some((rung) => rung.every)) return escalation;
  const highest = Math.min(escalation.maxDepth ?? CHAIN_LIMIT, escalation.top ?? CHAIN_LIMIT);
  let reached = 0;
  const ladder: PlanRung[] = [];
  for (const rung of escalation.ladder) {
    if (rung.to === 'supervisor' || rung.to === 'reassign') reached = Math.max(reached, 1);
    if (rung.to !== 'superior') {
      ladder.push(rung);
      continue;
    }
    const { every, ...plain } = rung;
    const climbs = every ? Math.max(1, highest - Math.max(reached, 1)) : 1;
    for (let i = 0; i < climbs; i++)
      ladder.push(every ? { ...plain, after: later(rung.after, every, i) } : plain);
    reached = Math.max(reached, 1) + climbs;
  }
  // In the order they come due, as the watch climbs them; rungs due together keep their order.
  const due = (rung: PlanRung) => rung.after.duration.days * 86_400_000 + rung.after.duration.ms;
  return { ...escalation, ladder: ladder.sort((a, b) => due(a) - due(b)) };
}
