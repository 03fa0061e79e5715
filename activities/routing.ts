/**
 * Who does a step: an office by the stated rule (lib/organisation/fair-routing.ts), the
 * office that took the request or the one the citizen chose among the eligible, a department
 * (or a role in it) of the request's district, an outside agency, the treasury, the operations
 * department. Runs as an activity: it reads the live licences and loads, and the workflow
 * records the answer, with its explanation, and replays it unchanged.
 */
import type { Office } from '../lib/generated/organisation';
import { chooseFairly, type RoutingDecision, type Tier } from '../lib/organisation/fair-routing';
import type { LicenceState } from '../lib/organisation/licences';
import type { AssignableUnit, Organisation } from '../lib/organisation/organisation';
import type { PlanAssignee } from '../lib/plan/types';
import type { Assignment } from '../workflows/types';

/** The rules routing resolves; the applicant and "same as step X" are known to the workflow itself. */
export type RoutedRule = Exclude<
  PlanAssignee,
  { type: 'applicant' } | { type: 'same-as' } | { type: 'office-in-field' }
>;

export interface RoutingInput {
  trackingCode: string;
  stepId: string;
  serviceId: string;
  rule: RoutedRule;
  domain: string;
  district: string;
  /** The office the citizen walked into. */
  intakeOffice?: string;
  /** The office an online applicant chose, among the eligible ones. */
  chosenOffice?: string;
  /** For a request that came in online: the office its earlier office steps went to. */
  officeOfRecord?: string;
  /** Where to look when no office of the district is eligible. */
  fallback?: 'neighbours' | 'city';
  /** Offices not to choose, such as the one a task is being taken away from. */
  exclude?: string[];
}

/** What routing reads about offices as they stand now. */
export interface LiveOffices {
  licences(): Promise<Map<string, LicenceState>>;
  /** Requests an office holds open now. */
  load(officeId: string): Promise<number>;
}

export function assignTo(unit: AssignableUnit, note: string, decision?: RoutingDecision): Assignment {
  return {
    assignee: { principal: unit.principal, title: unit.title },
    supervisor: { principal: unit.supervisor.principal, title: unit.supervisor.title },
    note,
    ...(decision ? { decision } : {}),
  };
}

/** The districts searched in turn: the request's, its neighbours, the whole city. */
function tiersFor(org: Organisation, district: string, fallback: 'neighbours' | 'city'): Tier[] {
  const neighbours = org.district(district)?.neighbours ?? [];
  const tiers: Tier[] = [{ name: 'district', districts: [district] }];
  if (fallback === 'neighbours' && neighbours.length > 0)
    tiers.push({ name: 'neighbours', districts: neighbours });
  tiers.push({ name: 'city', districts: org.districtIds() });
  return tiers;
}

/** Chooses an office by the stated rule, and explains the choice. */
export async function routeToOffice(
  org: Organisation,
  live: LiveOffices,
  input: RoutingInput,
  today: string,
): Promise<Assignment> {
  const licences = await live.licences();
  const work = { serviceId: input.serviceId, domain: input.domain, district: input.district };
  const offices = org.officesWith(licences);
  const tiers = tiersFor(org, input.district, input.fallback ?? 'neighbours');
  const loads = new Map<string, number>();
  let decision: RoutingDecision | undefined;
  // Tier by tier, so only the offices of the districts searched are counted.
  for (let reach = 1; reach <= tiers.length; reach++) {
    const districts = new Set(tiers.slice(0, reach).flatMap((tier) => tier.districts));
    const standings = await Promise.all(
      offices
        .filter((office) => office.districts.some((d) => districts.has(d)))
        .map(async (office) => {
          const licence = licences.get(office.id) ?? org.licenceOf(office);
          // Whatever the district, the licence must allow the work; the district is the tier's matter.
          const barred = org.ineligibility(
            office,
            { ...work, district: office.districts[0] ?? '' },
            licence,
            today,
          );
          if (!barred && !loads.has(office.id)) loads.set(office.id, await live.load(office.id));
          return {
            officeId: office.id,
            districts: office.districts,
            capacity: office.capacity,
            load: loads.get(office.id) ?? 0,
            ...(barred ? { barred } : {}),
          };
        }),
    );
    decision = chooseFairly({
      trackingCode: input.trackingCode,
      stepId: input.stepId,
      district: input.district,
      tiers: tiers.slice(0, reach),
      offices: standings,
      ...(input.exclude ? { exclude: input.exclude } : {}),
    });
    if (decision.winner) break;
  }
  if (!decision) throw new Error('no tier to search');
  if (!decision.winner) {
    const supervising = org.departmentUnit(org.file.escalation.officeSupervisor, input.district);
    return assignTo(supervising, decision.why, decision);
  }
  const office = offices.find((o) => o.id === decision.winner) as Office;
  return assignTo(org.officeUnit(office, input.district), `by the rule: ${decision.why}`, decision);
}

/** Live offices that ask the registry for licences once: one routing decision reads one snapshot. */
function licencesOnce(live: LiveOffices): LiveOffices {
  let licences: ReturnType<LiveOffices['licences']> | undefined;
  return { licences: () => (licences ??= live.licences()), load: (officeId) => live.load(officeId) };
}

export async function route(
  org: Organisation,
  liveNow: LiveOffices,
  input: RoutingInput,
  today: string,
): Promise<Assignment> {
  const { rule, district } = input;
  const live = licencesOnce(liveNow);
  switch (rule.type) {
    case 'treasury':
      return assignTo(org.treasuryUnit(district), 'payments are confirmed by the municipal treasury');
    case 'operations':
      return assignTo(
        org.operationsUnit(district),
        'failing automatic steps go to the operations department',
      );
    case 'agency':
      return assignTo(org.agencyUnit(rule.agency, district), `inquiry to ${rule.agency}`);
    case 'department': {
      const scope = rule.perDistrict ? 'the district' : 'the city';
      const role = rule.role ? `, role ${rule.role}` : '';
      return assignTo(
        org.departmentUnit(rule.department, district, rule.role),
        `department of ${scope}${role}`,
      );
    }
    case 'office': {
      const named = org.officesWith(await live.licences()).find((office) => office.id === rule.office);
      if (named)
        return assignTo(org.officeUnit(named, district), `office ${rule.office} named by the request`);
      const decided = await routeToOffice(org, live, input, today);
      return { ...decided, note: `there is no office ${rule.office}; ${decided.note}` };
    }
    case 'intake-office': {
      const wanted = input.intakeOffice ?? input.officeOfRecord ?? input.chosenOffice;
      if (wanted && !(input.exclude ?? []).includes(wanted)) {
        const licences = await live.licences();
        const office = org.officesWith(licences).find((o) => o.id === wanted);
        const licence = licences.get(wanted) ?? (office ? org.licenceOf(office) : undefined);
        const barred =
          office && licence
            ? org.ineligibility(
                office,
                { serviceId: input.serviceId, domain: input.domain, district },
                licence,
                today,
              )
            : 'unknown office';
        if (!barred && office) {
          const note = input.intakeOffice
            ? 'the office that took the request'
            : input.officeOfRecord
              ? "the office of the request's earlier office steps"
              : 'the office the applicant chose among the eligible ones';
          return assignTo(org.officeUnit(office, district), note);
        }
        const decided = await routeToOffice(
          org,
          live,
          { ...input, exclude: [...(input.exclude ?? []), wanted] },
          today,
        );
        return { ...decided, note: `${wanted} may no longer take it (${barred ?? ''}); ${decided.note}` };
      }
      return routeToOffice(org, live, input, today);
    }
  }
}
