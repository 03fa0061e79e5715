/**
 * The catalog's second pass, on the time-skipping server: a sample of services across the
 * domains is left to stall at its first step, and each escalates past its SLA as its ladder says.
 */
import { clockFor } from '../../lib/calendar/clock';
import { sampleOf } from '../../lib/forms/sample-data';
import { loadCatalogOrThrow } from '../../lib/definitions/catalog';
import { repoPath } from '../../lib/paths';
import type { RequestStatus } from '../../workflows/types';
import { eventually } from '../support/harness';
import { startTimeSkipping, type SkippingSystem } from '../support/time-skipping';

const HOUR = 3_600_000;
let system: SkippingSystem;

beforeAll(async () => {
  system = await startTimeSkipping();
});

afterAll(async () => {
  await system?.stop();
});

/** Every sixteenth service, in id order: eight services over the domains. */
function sample() {
  const entries = loadCatalogOrThrow(repoPath('definitions/services'), system.org);
  return entries
    .map((entry) => entry.plan)
    .sort((a, b) => a.serviceId.localeCompare(b.serviceId))
    .filter((_plan, i) => i % 16 === 0);
}

async function firstTask(code: string): Promise<RequestStatus> {
  return eventually(async () => {
    const status = await system.status(code);
    return status.openTasks.length > 0 ? status : undefined;
  });
}

test('when a sample of the catalog stalls at its first step, then each escalates to its supervisor after its SLA', async () => {
  const today = new Date(await system.env.currentTimeMs()).toISOString().slice(0, 10);
  const plans = sample();
  expect(plans.length).toBe(8);
  const escalated: [string, string, string][] = [];
  for (const plan of plans) {
    const office = plan.intake.includes('office')
      ? system.org.eligibleOffices(plan.domain, 'd01', today, plan.serviceId)[0]?.id
      : undefined;
    const code = await system.start(
      plan,
      (sampleOf(plan.form) ?? {}) as Record<string, unknown>,
      'd01',
      office ?? null,
    );
    const [task] = (await firstTask(code)).openTasks;
    if (!task) throw new Error(`${plan.serviceId}: no first task`);
    const wait = Date.parse(task.deadline) + HOUR - (await system.env.currentTimeMs());
    if (wait > 0) await system.env.sleep(wait);
    const now = await eventually(async () => {
      const status = await system.status(code);
      return status.escalations.length > 0 && !status.escalations[0]?.pending ? status : undefined;
    });
    const first = now.escalations[0];
    escalated.push([
      plan.serviceId,
      first?.action ?? '',
      first?.to.principal === task.supervisor.principal ? 'to its supervisor' : `to ${first?.to.principal}`,
    ]);
    expect(now.openTasks.find((t) => t.taskId === task.taskId)?.sla ?? 'closed').not.toBe('ok');
  }
  expect(escalated).toEqual(plans.map((plan) => [plan.serviceId, 'supervisor', 'to its supervisor']));
});

test('when a same-day service stalls, then its ladder climbs in hours: supervisor at the breach, reassigned four working hours later', async () => {
  const plan = system.plan('definitions/services/finance/business-dues-payment.yaml');
  const code = await system.start(
    plan,
    (sampleOf(plan.form) ?? {}) as Record<string, unknown>,
    'd01',
    'o-0101',
  );
  const [task] = (await firstTask(code)).openTasks;
  if (!task) throw new Error('no first task');
  await system.env.sleep(Date.parse(task.deadline) + HOUR - (await system.env.currentTimeMs()));
  const breached = await eventually(async () => {
    const status = await system.status(code);
    return status.escalations.length === 1 ? status : undefined;
  });
  expect(breached.escalations[0]?.action).toBe('supervisor');
  await system.env.sleep(3 * 24 * HOUR);
  const climbed = await eventually(async () => {
    const status = await system.status(code);
    // A rung's target follows its record: wait until it is found.
    return status.escalations.length >= 2 && !status.escalations.some((e) => e.pending) ? status : undefined;
  });
  expect(climbed.escalations.map((e) => e.action).slice(0, 2)).toEqual(['supervisor', 'reassign']);
  const reassignedAt = Date.parse(climbed.escalations[1]?.at ?? '');
  const breachedAt = Date.parse(climbed.escalations[0]?.at ?? '');
  // Four hours of the city's working time, whatever nights, weekends and holidays lie between.
  const working = clockFor('working', system.org.calendar).between(breachedAt, reassignedAt);
  expect(Math.round(working / 60_000)).toBe(240);
});
