/**
 * What a bearer token carries: who (subject), in what role, and bound to what. The schema is
 * the one source: the token's payload is checked against it, and the type comes from it.
 */
import type { FromSchema } from 'json-schema-to-ts';

export const ROLES = [
  'designer',
  'office',
  'department',
  'manager',
  'inspector',
  'admin',
  'citizen',
] as const;

const id = { type: 'string', pattern: '^[a-z][a-z0-9-]{0,80}$' } as const;

export const claimsSchema = {
  type: 'object',
  required: ['sub', 'role'],
  properties: {
    sub: { type: 'string', minLength: 1, maxLength: 120 },
    role: { enum: ROLES },
    name: { type: 'string', maxLength: 200 },
    /** Office staff: the office they work for. */
    office: id,
    /** Department staff (and managers or inspectors of a department): the department. */
    department: id,
    /** For a department that has one unit per district. */
    district: id,
    /** Roles inside the department, such as head or plan-reviewer. */
    roles: { type: 'array', maxItems: 20, items: id },
    /** A citizen's token reaches one request. */
    trackingCode: { type: 'string', pattern: '^[0-9]{12}$' },
  },
  allOf: [
    { if: { properties: { role: { const: 'office' } } }, then: { required: ['office'] } },
    { if: { properties: { role: { const: 'department' } } }, then: { required: ['department'] } },
    { if: { properties: { role: { const: 'citizen' } } }, then: { required: ['trackingCode'] } },
  ],
} as const;

export type Claims = FromSchema<typeof claimsSchema>;
export type Role = (typeof ROLES)[number];
