/**
 * Every service of the catalog runs: each is started through the API the way its intake allows,
 * and scripted actors (each task completed as its holder, the applicant answering and paying)
 * drive it to its end, taking a loop back once where the service has one.
 */
import { ScriptedActors } from '../../cli/demo/scripted-actors';
import type { ServicePlan } from '../../lib/plan/types';
import { loadDomain } from '../../lib/load-domain';
import { repoPath } from '../../lib/paths';
import { MANAGER, startHarness, type Harness } from '../support/harness';

const servicesDir = repoPath('definitions/services');
const organisationDir = repoPath('definitions/organisation');
const { catalog, organisation } = loadDomain({
  servicesDir,
  organisationDir,
  publishedDir: `${process.env.PK_TEST_TMP ?? '/tmp'}/catalog-plans-${process.pid}`,
});
const plans: ServicePlan[] = catalog.all().sort((a, b) => a.serviceId.localeCompare(b.serviceId));

let system: Harness;
let actors: ScriptedActors;

beforeAll(async () => {
  system = await startHarness({ servicesDir, organisationDir });
  actors = new ScriptedActors(
    (method, path, body, who, headers) =>
      method === 'GET' ? system.as(who).get(path, headers) : system.as(who).post(path, body, headers),
    organisation,
    MANAGER,
  );
});

afterAll(async () => {
  await system.stop();
});

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
      const started = await actors.start(plan);
      expect({ status: started.status, detail: started.body.detail as unknown }).toEqual({
        status: 201,
        detail: undefined,
      });
      const { status, refused } = await actors.drive(plan, started.body.trackingCode as string);
      expect(refused && [refused.step, refused.outcome, refused.answer.body.detail]).toBeUndefined();
      expect(status.state).toBe('completed');
    },
  );
});
