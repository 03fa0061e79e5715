/**
 * The claims of staff acting for a holder of work: office staff for `office:<id>`, department
 * staff for `department:<unit>[/<role>]`, a head for `head:<unit>`, the applicant for
 * `applicant:<code>`. Used by scripted actors (the demo, the tests), which act as whoever holds
 * each task, never by the server to decide anything.
 */
import type { Claims } from './claims';

/** Who answers a task: its holder, or for an outside agency the department following it up. */
export function claimsOfHolder(task: {
  assignee: { principal: string };
  supervisor: { principal: string };
}): Claims {
  const principal = task.assignee.principal;
  return principal.startsWith('agency:')
    ? staffClaimsFor(task.supervisor.principal.replace(/^head:/, 'department:'))
    : staffClaimsFor(principal);
}

export function staffClaimsFor(principal: string, subject?: string): Claims {
  const [kind, rest = ''] = principal.split(':') as [string, string];
  if (kind === 'office') return { sub: subject ?? `staff-${rest}`, role: 'office', office: rest };
  if (kind === 'applicant') return { sub: principal, role: 'citizen', trackingCode: rest };
  const [unit = '', role] = rest.split('/');
  const [first = '', second] = unit.split('.');
  const roles = kind === 'head' ? ['head'] : role ? [role] : ['staff'];
  return {
    sub: subject ?? `staff-${unit}-${roles.join('-')}`,
    role: 'department',
    department: second ?? first,
    ...(second ? { district: first } : {}),
    roles,
  };
}
