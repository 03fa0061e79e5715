/**
 * The claims a person of the organisation signs in with: bound to their office, or to their
 * department (and district), with their roles there; their `access` gives the oversight or
 * design role, and without it they are office or department staff. The token names them in
 * Persian, as the municipality's records do.
 */
import type { Person } from '../../lib/generated/organisation';
import type { Claims } from './claims';

export function claimsOfPerson(person: Person): Claims {
  const role = person.access ?? (person.office ? 'office' : 'department');
  return {
    sub: person.id,
    role,
    name: person.name.fa,
    ...(person.office ? { office: person.office } : {}),
    ...(person.department ? { department: person.department } : {}),
    ...(person.district ? { district: person.district } : {}),
    roles: person.roles,
  };
}
