/**
 * Who is calling, and on whose work they may act. Office staff act for their office; department
 * staff for their unit (the district's, for a per-district department), for the roles they hold
 * in it (a head for all of them), and for the outside agencies their department follows up;
 * a citizen for their own request.
 */
import type { Organisation } from '../../lib/organisation/organisation';
import type { Claims } from './claims';

export type Actor = Claims;

/** Roles that read every request and report. */
export const OVERSIGHT_ROLES = ['manager', 'inspector', 'admin'] as const;

export const isOversight = (actor: Actor | undefined): boolean =>
  !!actor && (OVERSIGHT_ROLES as readonly string[]).includes(actor.role);

/** What a task's holder is, for deciding who acts for it. */
export interface Holding {
  principal: string;
  /** The request's district. */
  district: string;
}

/** A department staff member's unit: `d05.urban-planning`, or `treasury` for a city department. */
function unitOf(actor: Actor, org: Organisation): string | undefined {
  if (!actor.department) return undefined;
  const department = org.department(actor.department);
  if (!department) return undefined;
  if (!department.perDistrict) return department.id;
  return actor.district ? `${actor.district}.${department.id}` : undefined;
}

const isHead = (actor: Actor) => actor.roles?.includes('head') ?? false;

/** The principals whose worklists the actor reads; a superset, narrowed by `actsFor`. */
export function worklistPrincipals(actor: Actor, org: Organisation): string[] {
  if (actor.role === 'citizen') return [`applicant:${actor.trackingCode}`];
  if (actor.office) return [`office:${actor.office}`];
  const unit = unitOf(actor, org);
  if (!unit) return [];
  const agencies = org
    .agencyIds()
    .filter((id) => org.agency(id)?.followUp === actor.department)
    .map((id) => `agency:${id}`);
  return [`department:${unit}`, `head:${unit}`, ...agencies];
}

/** Whether the actor may act on work held by a principal, in a request of a district. */
export function actsFor(actor: Actor, held: Holding, org: Organisation): boolean {
  const { principal } = held;
  if (actor.role === 'citizen') return principal === `applicant:${actor.trackingCode}`;
  if (actor.office) return principal === `office:${actor.office}`;
  const unit = unitOf(actor, org);
  if (!unit) return false;
  if (principal === `department:${unit}`) return true;
  if (principal === `head:${unit}`) return isHead(actor);
  if (principal.startsWith(`department:${unit}/`)) {
    const role = principal.slice(`department:${unit}/`.length);
    return isHead(actor) || (actor.roles?.includes(role) ?? false);
  }
  if (principal.startsWith('agency:')) {
    const agency = org.agency(principal.slice('agency:'.length));
    if (!agency || agency.followUp !== actor.department) return false;
    return !org.department(agency.followUp)?.perDistrict || actor.district === held.district;
  }
  return false;
}

/** How the actor is named on what they do: their subject, with their role. */
export function actorName(actor: Actor): string {
  return actor.role === 'citizen' ? `applicant:${actor.trackingCode}` : `${actor.role}:${actor.sub}`;
}
