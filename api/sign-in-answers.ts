/**
 * JSON Schemas of the sign-in answers: how staff sign in, the people a development sign-in
 * offers, and who the caller is with what the web app needs to greet them.
 */
import { title } from './answers';

const str = { type: 'string' } as const;
const int = { type: 'integer', minimum: 0 } as const;
const role = {
  enum: ['designer', 'office', 'department', 'manager', 'inspector', 'admin', 'citizen'],
} as const;
const place = {
  type: 'object',
  required: ['id', 'title'],
  properties: { id: str, title },
} as const;

export const signInOptions = {
  type: 'object',
  required: ['development'],
  properties: {
    development: {
      type: 'boolean',
      description: 'Whether a person may be chosen from the list, without a password (never in production).',
    },
    oidc: {
      type: 'object',
      required: ['issuer', 'clientId', 'scope'],
      properties: { issuer: str, clientId: str, scope: str },
    },
  },
} as const;

export const people = {
  type: 'object',
  required: ['total', 'items'],
  properties: {
    total: int,
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'role', 'unit'],
        properties: { id: str, name: title, role, unit: title },
      },
    },
  },
} as const;

export const staffToken = {
  type: 'object',
  required: ['token', 'expiresIn'],
  properties: { token: str, expiresIn: int },
} as const;

export const me = {
  type: 'object',
  required: ['sub', 'role', 'districts', 'city'],
  properties: {
    sub: str,
    role,
    name: str,
    unit: title,
    office: str,
    department: str,
    district: str,
    trackingCode: str,
    districts: {
      type: 'array',
      description: 'The districts the caller takes requests in.',
      items: place,
    },
    city: {
      type: 'object',
      required: ['title', 'workingDayMinutes'],
      properties: {
        title,
        workingDayMinutes: { type: 'integer', minimum: 1, description: 'One working day of the calendar.' },
      },
    },
  },
} as const;
