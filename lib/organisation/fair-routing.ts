/**
 * The stated rule that gives office work out, instead of anyone's choice: among the offices
 * eligible for the request (licence active and covering the service, serving the district),
 * the one with the lowest open load relative to its daily capacity; ties broken by a rotation
 * on the request's tracking code and step, which nobody can steer. When no office of the
 * district is eligible, the neighbouring districts are searched, then the whole city; when none
 * is eligible anywhere, the office-supervising department takes the work: never nobody.
 * Every decision is explained: who was considered, why each was or was not eligible, who won
 * and by which rule. Pure: the routing activity feeds it the loads and licences it read.
 */

export interface OfficeStanding {
  officeId: string;
  districts: string[];
  capacity: number;
  /** Why the licence does not allow the work (status, scope), whatever the district. */
  barred?: string;
  /** Requests the office holds open now. */
  load: number;
}

export interface Tier {
  name: 'district' | 'neighbours' | 'city';
  districts: string[];
}

export interface CandidateView {
  office: string;
  eligible: boolean;
  reason?: string;
  load?: number;
  capacity?: number;
  /** Open load relative to capacity, the rule's measure. */
  ratio?: number;
}

export interface RoutingDecision {
  rule: string;
  district: string;
  /** Where the winner was found: the request's district, its neighbours, the city, or nobody. */
  tier: Tier['name'] | 'supervisor';
  candidates: CandidateView[];
  /** The office chosen, or undefined when the office-supervising department takes the work. */
  winner?: string;
  why: string;
}

export const FAIR_RULE =
  'lowest open load relative to daily capacity; ties broken by rotation on the tracking code';

/** A stable number from text: the rotation among tied offices. */
export function rotation(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return hash;
}

export function chooseFairly(args: {
  trackingCode: string;
  stepId: string;
  district: string;
  tiers: Tier[];
  offices: OfficeStanding[];
  /** Offices that may not get it (the one a task is being taken away from). */
  exclude?: string[];
}): RoutingDecision {
  const exclude = new Set(args.exclude ?? []);
  const candidates: CandidateView[] = [];
  const seen = new Set<string>();
  for (const tier of args.tiers) {
    const here = args.offices.filter(
      (office) => !seen.has(office.officeId) && office.districts.some((d) => tier.districts.includes(d)),
    );
    const eligible: OfficeStanding[] = [];
    for (const office of here) {
      seen.add(office.officeId);
      const reason = exclude.has(office.officeId) ? 'the work is being taken away from it' : office.barred;
      if (reason) {
        candidates.push({ office: office.officeId, eligible: false, reason });
      } else {
        eligible.push(office);
        const ratio = office.load / office.capacity;
        candidates.push({
          office: office.officeId,
          eligible: true,
          load: office.load,
          capacity: office.capacity,
          ratio,
        });
      }
    }
    if (eligible.length === 0) continue;
    const ratio = (o: OfficeStanding) => o.load / o.capacity;
    const lowest = Math.min(...eligible.map(ratio));
    const tied = eligible
      .filter((o) => ratio(o) - lowest < 1e-9)
      .map((o) => o.officeId)
      .sort();
    const winner = tied[rotation(`${args.trackingCode}:${args.stepId}`) % tied.length] as string;
    const where =
      tier.name === 'district'
        ? `in district ${args.district}`
        : tier.name === 'neighbours'
          ? 'in a neighbouring district'
          : 'in the city';
    const why =
      tied.length === 1
        ? `${winner} has the lowest load relative to capacity ${where} (${lowest.toFixed(2)})`
        : `${tied.join(', ')} tie at ${lowest.toFixed(2)} ${where}; the rotation on the tracking code chose ${winner}`;
    return { rule: FAIR_RULE, district: args.district, tier: tier.name, candidates, winner, why };
  }
  return {
    rule: FAIR_RULE,
    district: args.district,
    tier: 'supervisor',
    candidates,
    why: 'no office anywhere may take the work: the office-supervising department takes it',
  };
}
