/**
 * Whose work a signed-in person reads, in the terms the work store filters by: the principals
 * they act for (their office; their department unit, the roles they hold in it, all of them for a
 * head; the outside agencies their department follows up, in their district), what escalations
 * reach them by, and their own name for what they claimed. The same rule as `actsFor`.
 */
import type { Organisation } from '../lib/organisation/organisation';
import type { HolderScope } from '../store/sql';
import type { Reader } from '../store/worklists';
import { actorName, isOversight, type Actor } from './auth/actor';

/** A department staff member's unit: `d05.urban-planning`, or `treasury` for a city department. */
function unitOf(actor: Actor, org: Organisation): string | undefined {
  if (!actor.department) return undefined;
  const department = org.department(actor.department);
  if (!department) return undefined;
  if (!department.perDistrict) return department.id;
  return actor.district ? `${actor.district}.${department.id}` : undefined;
}

export function holderScope(actor: Actor, org: Organisation): HolderScope {
  if (isOversight(actor)) return { everyone: true, principals: [] };
  if (actor.role === 'citizen') return { principals: [`applicant:${actor.trackingCode}`] };
  if (actor.office) return { principals: [`office:${actor.office}`] };
  const unit = unitOf(actor, org);
  const department = actor.department ? org.department(actor.department) : undefined;
  if (!unit || !department) return { principals: [] };
  const head = actor.roles?.includes('head') ?? false;
  const roles = head ? (department.roles ?? []).map((role) => role.id) : (actor.roles ?? []);
  const agencies = org
    .agencyIds()
    .filter((id) => org.agency(id)?.followUp === department.id)
    .map((id) => `agency:${id}`);
  return {
    principals: [
      `department:${unit}`,
      ...roles.map((role) => `department:${unit}/${role}`),
      ...(head ? [`head:${unit}`] : []),
    ],
    agencies: {
      principals: agencies,
      ...(department.perDistrict && actor.district ? { district: actor.district } : {}),
    },
  };
}

/** The reader of a worklist: whose work, who they are, and the heads' principals escalations reach. */
export function readerOf(actor: Actor, org: Organisation): Reader {
  const scope = holderScope(actor, org);
  const unit = unitOf(actor, org);
  const head = actor.roles?.includes('head') ?? false;
  return {
    scope,
    me: actorName(actor),
    escalationTargets: unit && head ? [`head:${unit}`] : [],
  };
}
