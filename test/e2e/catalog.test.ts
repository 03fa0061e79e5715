/**
 * Every service of the catalog runs: each is started through the API the way its intake allows,
 * and scripted actors (each task completed as its holder, the applicant answering and paying)
 * drive it to its end, taking a loop back once where the service has one.
 */
import type { ServicePlan } from '../../lib/plan/types';
import { loadDomain } from '../../lib/load-domain';
import { repoPath } from '../../lib/paths';
import { MANAGER, startHarness, type Harness } from '../support/harness';
import { sampleOf } from '../support/sample-data';

const servicesDir = repoPath('definitions/services');
const organisationDir = repoPath('definitions/organisation');
const { catalog, organisation } = loadDomain({
  servicesDir,
  organisationDir,
  publishedDir: `${process.env.PK_TEST_TMP ?? '/tmp'}/catalog-plans-${process.pid}`,
});
const plans: ServicePlan[] = catalog.all().sort((a, b) => a.serviceId.localeCompare(b.serviceId));
const TODAY = new Date().toISOString().slice(0, 10);

let system: Harness;

beforeAll(async () => {
  system = await startHarness({ servicesDir, organisationDir });
});

afterAll(async () => {
  await system.stop();
});

/** A district with an office licensed for the service, and that office. */
function placeFor(plan: ServicePlan): { district: string; office?: string } {
  for (const district of organisation.districtIds()) {
    const office = organisation.eligibleOffices(plan.domain, district, TODAY, plan.serviceId)[0];
    if (office) return { district, office: office.id };
  }
  return { district: organisation.districtIds()[0] ?? 'd01' };
}

/** The outcome a scripted actor takes: back round a loop once, otherwise forward, never a rejection. */
function outcomeFor(plan: ServicePlan, stepId: string, offered: string[], looped: Set<string>): string {
  const step = plan.steps[stepId] as {
    outcomes?: Record<string, { next: string | null; maxTimes?: number }>;
  };
  const outcomes = step?.outcomes ?? {};
  const loop = offered.find((id) => outcomes[id]?.maxTimes !== undefined && !looped.has(stepId));
  if (loop) {
    looped.add(stepId);
    return loop;
  }
  const ends = (id: string) => {
    const next = outcomes[id]?.next;
    const target = next ? (plan.steps[next] as { kind?: string; result?: string } | undefined) : undefined;
    return target?.kind === 'end' && target.result !== 'completed';
  };
  const forward = offered.filter((id) => !ends(id) && outcomes[id]?.maxTimes === undefined);
  const preferred = ['approve', 'no-objection', 'done', 'accept', 'accepted', 'issue', 'submit', 'paid'];
  return preferred.find((id) => forward.includes(id)) ?? forward[0] ?? offered[0] ?? 'done';
}

const formOf = (plan: ServicePlan, stepId: string) =>
  (plan.steps[stepId] as { form?: Record<string, unknown> } | undefined)?.form;

describe('the catalog', () => {
  test('has the 128 services of the catalog, each with Persian and English titles', () => {
    expect(plans).toHaveLength(128);
    for (const plan of plans) {
      expect(plan.title.fa).toMatch(/[\u0600-\u06FF]/);
      expect(plan.title.en).toMatch(/[A-Za-z]/);
    }
  });

  test.each(plans.map((plan) => [plan.serviceId, plan] as const))(
    'when %s is started and every actor does their part, then it ends completed',
    async (_id, plan) => {
      const place = placeFor(plan);
      const channel = plan.intake.includes('office') && place.office ? 'office' : plan.intake[0];
      const started = await system.post('/api/requests', {
        serviceId: plan.serviceId,
        district: place.district,
        ...(channel === 'office' ? { intakeOffice: place.office } : { channel }),
        applicant: { name: 'Catalog applicant', nationalId: '0012345678', mobile: '09121234567' },
        data: sampleOf(plan.form) ?? {},
      });
      expect({ status: started.status, body: started.status === 201 ? 'started' : started.body }).toEqual({
        status: 201,
        body: 'started',
      });
      const code = started.body.trackingCode as string;
      const looped = new Set<string>();
      let status = (await system.as(MANAGER).get(`/api/requests/${code}`)).body;
      for (let round = 0; status.state === 'active' && round < 60; round++) {
        const task = status.currentTasks[0] as
          | {
              taskId: string;
              step: string;
              kind: string;
              assignee: { principal: string };
              outcomes: { id: string }[];
            }
          | undefined;
        if (!task) {
          // Automatic steps and timers run by themselves; look again in a moment.
          await new Promise((resolve) => setTimeout(resolve, 200));
        } else if (task.kind === 'payment') {
          const fee = (status.fees as { billId: string; status: string }[]).find((f) => f.status === 'due');
          const paid = await system.post(`/api/requests/${code}/payments`, {
            billId: fee?.billId,
            receipt: `R-${code}`,
          });
          expect([task.step, paid.status]).toEqual([task.step, 200]);
        } else {
          const outcome = outcomeFor(
            plan,
            task.step,
            task.outcomes.map((o) => o.id),
            looped,
          );
          const data = sampleOf(formOf(plan, task.step)) as Record<string, unknown> | undefined;
          const body = { outcome, ...(data && Object.keys(data).length > 0 ? { data } : {}) };
          const path = task.assignee.principal.startsWith('applicant:')
            ? `/api/requests/${code}/documents`
            : `/api/tasks/${task.taskId}/complete`;
          const done = await system.post(path, body);
          expect([task.step, outcome, done.status, done.status === 200 ? '' : done.body.detail]).toEqual([
            task.step,
            outcome,
            200,
            '',
          ]);
        }
        status = (await system.as(MANAGER).get(`/api/requests/${code}`)).body;
      }
      expect(status.state).toBe('completed');
    },
  );
});
