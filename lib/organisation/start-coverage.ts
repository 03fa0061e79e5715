/**
 * Whether a citizen can start every service in every district: online, at a department of the
 * district, or at an office whose licence covers the service and which serves the district.
 * A pair nobody can start is a citizen turned away everywhere, so the loader reports each one.
 */
import type { ServicePlan } from '../plan/types';
import type { Organisation } from './organisation';

export interface StartGap {
  serviceId: string;
  district: string;
  /** Why no desk may take it: the channels the service allows, and each office's refusal. */
  why: string;
}

/**
 * Every (service, district) pair that cannot be started, on a date (licences expire); without a
 * date, licences count as the organisation file issues them, whatever their last day.
 */
export function startGaps(org: Organisation, plans: ServicePlan[], onDate?: string): StartGap[] {
  const gaps: StartGap[] = [];
  for (const plan of plans) {
    // Online requests and those taken at the district's own department need no office.
    if (plan.intake.includes('online') || plan.intake.includes('department')) continue;
    for (const district of org.districtIds()) {
      const work = { serviceId: plan.serviceId, domain: plan.domain, district };
      const serving = org.allOffices().filter((office) => office.districts.includes(district));
      const refusals = serving.map((office) => ({
        office: office.id,
        why: org.ineligibility(office, work, org.licenceOf(office), onDate ?? '0000-00-00'),
      }));
      if (refusals.some((r) => r.why === undefined)) continue;
      const offices = refusals.map((r) => `${r.office}: ${r.why ?? ''}`).join('; ');
      gaps.push({
        serviceId: plan.serviceId,
        district,
        why:
          `it starts only at an office, and no office serving ${district} may take it` +
          (offices ? ` (${offices})` : ' (none serves it)'),
      });
    }
  }
  return gaps;
}
