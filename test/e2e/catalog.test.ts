/**
 * Every service of the catalog runs: each is started through the API the way its intake allows,
 * and scripted actors (each task completed as its holder, the applicant answering and paying)
 * drive it to its end, taking a loop back once where the service has one.
 */
import { ScriptedActors, type Caller } from '../../cli/demo/scripted-actors';
import type { ServicePlan } from '../../lib/plan/types';
import { loadCatalogOrThrow } from '../../lib/definitions/catalog';
import { loadOrganisation } from '../../lib/organisation/load-organisation';
import { repoPath } from '../../lib/paths';
import { MANAGER, startHarness, type Harness } from '../support/harness';

const servicesDir = repoPath('definitions/services');
const organisationDir = repoPath('definitions/organisation');
const organisation = loadOrganisation(organisationDir);
// What the system publishes as version 1 of each service on its first start.
const plans: ServicePlan[] = loadCatalogOrThrow(servicesDir, organisation)
  .map((entry) => entry.plan)
  .sort((a, b) => a.serviceId.localeCompare(b.serviceId));

let system: Harness;
let actors: ScriptedActors;
let otherWay: ScriptedActors;

beforeAll(async () => {
  system = await startHarness({ servicesDir, organisationDir });
  const call: Caller = (method, path, body, who, headers) =>
    method === 'GET' ? system.as(who).get(path, headers) : system.as(who).post(path, body, headers);
  actors = new ScriptedActors(call, organisation, MANAGER);
  otherWay = new ScriptedActors(call, organisation, MANAGER, 'most');
});

afterAll(async () => {
  await system.stop();
});

/** Starts a request of the service and has the actors drive it; answers the state it ends in. */
async function runToItsEnd(by: ScriptedActors, plan: ServicePlan): Promise<string> {
  const started = await by.start(plan);
  expect({ status: started.status, detail: started.body.detail as unknown }).toEqual({
    status: 201,
    detail: undefined,
  });
  const { status, refused } = await by.drive(plan, started.body.trackingCode as string);
  expect(refused && [refused.step, refused.outcome, refused.answer.body.detail]).toBeUndefined();
  return status.state;
}

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
      expect(await runToItsEnd(actors, plan)).toBe('completed');
    },
  );
});

describe('the catalog, down its other branches', () => {
  // The other end of every form: the largest numbers, the last choice, "no". Thresholds in the
  // definitions (area over 500 m², debt over the city limit, a late appeal) now send requests
  // down their other branches, some of which end in a refusal the law requires.
  const branching = plans.filter((plan) => Object.values(plan.steps).some((step) => step.kind === 'branch'));

  test('covers every service that branches on its data', () => {
    expect(branching.length).toBeGreaterThanOrEqual(15);
  });

  test.each(branching.map((plan) => [plan.serviceId, plan] as const))(
    'when %s is started with the other data, then every actor can still do their part to its end',
    async (_id, plan) => {
      expect(['completed', 'rejected']).toContain(await runToItsEnd(otherWay, plan));
    },
  );
});
