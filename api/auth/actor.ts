/**
 * Who is calling, and on whose work they may act. Office staff act for their office; department
 * staff for their unit (the district's, for a per-district department), for the roles they hold
 * in it (a head for all of them), and for the outside agencies their department follows up;
 * a citizen for their own request.
 */
import type { Organisation } from '../../lib/organisation/organisation';
import type { Acting } from '../../workflows/types';
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

/**
 * Whom the actor acts for, sent with each action so that the workflow's validator decides as
 * `actsFor` would: the same holders, spelled out (a head's roles as their unit, agencies with
 * the district they are followed up in).
 */
export function actingFor(actor: Actor, org: Organisation): Acting {
  if (actor.role === 'citizen') return { holders: [`applicant:${actor.trackingCode}`], anyRoleOf: [] };
  // The roles they hold travel with what they do: an outcome may be kept to some of them.
  const roles = actor.roles?.length ? { roles: [...actor.roles] } : {};
  if (actor.office) return { holders: [`office:${actor.office}`], anyRoleOf: [], ...roles };
  const unit = unitOf(actor, org);
  if (!unit) return { holders: [], anyRoleOf: [] };
  const head = isHead(actor);
  const agencies = org
    .agencyIds()
    .filter((id) => org.agency(id)?.followUp === actor.department)
    .map((id) => `agency:${id}`);
  const perDistrict = org.department(actor.department ?? '')?.perDistrict ?? false;
  return {
    holders: [
      `department:${unit}`,
      ...(head ? [`head:${unit}`] : []),
      ...(actor.roles ?? []).map((role) => `department:${unit}/${role}`),
      ...agencies,
    ],
    anyRoleOf: head ? [`department:${unit}`] : [],
    ...(perDistrict && agencies.length > 0 && actor.district ? { agencyDistrict: actor.district } : {}),
    ...roles,
  };
}

/** How the actor is named on what they do: their subject, with their role. */
export function actorName(actor: Actor): string {
  return actor.role === 'citizen' ? `applicant:${actor.trackingCode}` : `${actor.role}:${actor.sub}`;
}
