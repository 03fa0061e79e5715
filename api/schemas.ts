/**
 * JSON Schemas of the API's request bodies and query strings.
 */

/** office:o-1101, department:d05.urban-planning[/role], head:..., agency:land-registry, applicant:<code>. */
const principal = {
  type: 'string',
  pattern: '^(office|department|head|agency|applicant):[a-z0-9][a-z0-9.-]{0,80}(/[a-z0-9-]{1,40})?$',
};

/**
 * An instant as RFC 3339 writes it, within what the clocks of JavaScript and PostgreSQL count:
 * a year from 0001, seconds to 59 (no leap second, which neither has an instant for), an offset
 * of at most 14:59 (the widest any place uses is 14:00).
 */
// Years 1900 to 2199: what the city's Jalali calendar and its reports are kept for.
const instant = {
  type: 'string',
  format: 'date-time',
  pattern:
    '^(19|20|21)[0-9]{2}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-5][0-9](\\.[0-9]{1,6})?([Zz]|[+-](0[0-9]|1[0-4]):[0-5][0-9])$',
};

export const startRequestBody = {
  type: 'object',
  additionalProperties: false,
  required: ['serviceId', 'applicant', 'district', 'data'],
  properties: {
    serviceId: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,80}$' },
    district: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,20}$' },
    intakeOffice: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,40}$' },
    chosenOffice: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,40}$' },
    channel: { enum: ['office', 'online', 'department'] },
    applicant: {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      // Labels as the intake form shows them, as in the definitions: Persian title, English description.
      properties: {
        name: {
          type: 'string',
          minLength: 1,
          maxLength: 200,
          title: 'نام و نام خانوادگی',
          description: 'Full name',
        },
        nationalId: { type: 'string', pattern: '^[0-9]{10}$', title: 'کد ملی', description: 'National id' },
        mobile: {
          type: 'string',
          pattern: '^09[0-9]{9}$',
          title: 'شماره همراه',
          description: 'Mobile number',
        },
      },
    },
    data: { type: 'object' },
    received: {
      type: 'object',
      additionalProperties: false,
      required: ['at', 'reason'],
      description:
        'For a request received before it is registered (on paper while the system was down, or taken over from an earlier system): when it was received and why it is registered late. Its deadlines count from then.',
      properties: {
        at: instant,
        reason: { type: 'string', minLength: 3, maxLength: 1000 },
      },
    },
  },
} as const;

export const completeTaskBody = {
  type: 'object',
  additionalProperties: false,
  required: ['outcome'],
  properties: {
    outcome: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,40}$' },
    data: {
      type: 'object',
      description:
        'What the step\'s form asks for. A payment task (`kind: payment`, outcome `paid`) takes the treasury\'s receipt: `{ "receipt": "R-1234" }`.',
    },
  },
} as const;

const reason = { type: 'string', minLength: 3, maxLength: 1000 };

export const withdrawBody = {
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  properties: { reason },
} as const;

export const reassignBody = {
  type: 'object',
  additionalProperties: false,
  required: ['to', 'reason'],
  properties: {
    to: { type: 'string', pattern: '^(office|department):[a-z0-9][a-z0-9.-]{0,80}(/[a-z0-9-]{1,40})?$' },
    reason,
  },
} as const;

export const citizenAccessBody = {
  type: 'object',
  additionalProperties: false,
  required: ['secret'],
  properties: { secret: { type: 'string', minLength: 1, maxLength: 100 } },
} as const;

const page = { type: 'string', pattern: '^[1-9][0-9]{0,5}$' };
const pageSize = { type: 'string', pattern: '^([1-9]|[1-9][0-9]|1[0-9][0-9]|200)$' };

const serviceId = { type: 'string', pattern: '^[a-z][a-z0-9-]{0,80}$' };
const districtId = { type: 'string', pattern: '^[a-z][a-z0-9-]{0,20}$' };
const stepId = { type: 'string', pattern: '^[a-z][a-z0-9-]{0,80}$' };
const officeId = { type: 'string', pattern: '^[a-z][a-z0-9-]{0,40}$' };
/** A department of every district (urban-planning), one district's (d05.urban-planning), or a city one. */
const departmentUnit = { type: 'string', pattern: '^([a-z][a-z0-9-]{0,20}\\.)?[a-z][a-z0-9-]{0,60}$' };

export const worklistQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    assignee: principal,
    service: serviceId,
    district: districtId,
    step: stepId,
    sla: { enum: ['ok', 'at-risk', 'breached'] },
    view: { enum: ['pool', 'mine', 'all'] },
    escalated: {
      enum: ['mine'],
      description: "Only the tasks escalated to the caller's unit (its head), whoever holds them.",
    },
    q: {
      type: 'string',
      pattern: '^([0-9]{10}|[0-9]{12})$',
      description: "A request's tracking code (12 digits) or its applicant's national id (10 digits).",
    },
    sort: { enum: ['deadline', '-deadline'] },
    page,
    pageSize,
  },
} as const;

/** Narrowing an SLA list or summary: where, whose, which service and step, deadlines in a range. */
const slaFilters = {
  district: districtId,
  office: officeId,
  department: departmentUnit,
  service: serviceId,
  step: stepId,
  from: { ...instant, description: 'Only tasks whose deadline is at or after this instant.' },
  to: { ...instant, description: 'Only tasks whose deadline is before this instant.' },
};

export const slaSummaryQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['by'],
  properties: { by: { enum: ['office', 'department', 'service', 'district', 'step'] }, ...slaFilters },
} as const;

export const auditQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    // Stored subjects hold no control characters, and PostgreSQL's text cannot hold NUL at all.
    actor: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[^\\x00-\\x1f\\x7f]+$' },
    trackingCode: { type: 'string', pattern: '^[0-9]{12}$' },
    action: { type: 'string', pattern: '^[A-Za-z]{1,60}$' },
    from: instant,
    to: instant,
    page,
    pageSize,
  },
} as const;

export const paymentBody = {
  type: 'object',
  additionalProperties: false,
  required: ['billId', 'receipt'],
  properties: {
    billId: { type: 'string', minLength: 1, maxLength: 100 },
    receipt: { type: 'string', minLength: 1, maxLength: 100 },
  },
} as const;

export const documentsBody = {
  type: 'object',
  additionalProperties: false,
  properties: { outcome: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,40}$' }, data: { type: 'object' } },
} as const;

export const suspendBody = {
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  properties: { reason },
} as const;

export const extendBody = {
  type: 'object',
  additionalProperties: false,
  required: ['of', 'by', 'reason'],
  properties: {
    of: { type: 'string', pattern: '^(request|[0-9]{12}-[0-9]{1,6})$' },
    by: { type: 'string', pattern: '^P(?!$)([0-9]+D)?(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+S)?)?$' },
    reason,
  },
} as const;

const jalaliDate = { type: 'string', pattern: '^1[34][0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' };
const id = { type: 'string', pattern: '^[a-z][a-z0-9-]{0,80}$' };

export const licenceChangeBody = {
  type: 'object',
  additionalProperties: false,
  required: ['action', 'reason'],
  properties: {
    action: { enum: ['suspend', 'revoke', 'reinstate', 'renew'] },
    reason,
    validUntil: jalaliDate,
  },
} as const;

export const routingReportQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['service', 'district'],
  properties: { service: id, district: id },
} as const;

export const officeReportQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { service: id, district: id },
} as const;

const versionNumber = { type: 'string', pattern: '^[1-9][0-9]{0,5}$' };

export const diagramQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { version: versionNumber },
} as const;

export const diffQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { from: versionNumber, to: versionNumber },
} as const;

export const rollbackBody = {
  type: 'object',
  additionalProperties: false,
  required: ['version'],
  properties: { version: { type: 'integer', minimum: 1 } },
} as const;

export const slaListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { escalatedTo: principal, ...slaFilters, page, pageSize },
} as const;

export const requestSearchQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    q: {
      type: 'string',
      pattern: '^([0-9]{10}|[0-9]{12})$',
      description: "A tracking code (12 digits) or an applicant's national id (10 digits).",
    },
    service: serviceId,
    district: districtId,
    state: { enum: ['active', 'completed', 'rejected', 'cancelled', 'expired'] },
    from: { ...instant, description: 'Started at or after this instant.' },
    to: { ...instant, description: 'Started before this instant.' },
    page,
    pageSize,
  },
} as const;

export const notificationsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { unread: { enum: ['true', 'false'] }, page, pageSize },
} as const;

/** The period and filters of a report over the store's history. */
const reportRange = {
  from: { ...instant, description: 'The first instant counted; 30 days before `to` when absent.' },
  to: { ...instant, description: 'The first instant not counted; now when absent.' },
  service: serviceId,
  district: districtId,
  office: officeId,
  department: departmentUnit,
};

const reportGroup = { enum: ['service', 'district', 'office', 'department'] };

export const groupedReportQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { by: reportGroup, ...reportRange },
} as const;

export const periodReportQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { period: { enum: ['day', 'week'] }, by: reportGroup, ...reportRange },
} as const;

/** Path parameters: loose here, so the handlers can say precisely what is wrong with a value. */
export const pathText = { type: 'string', minLength: 1, maxLength: 100 } as const;

export const licenceLogQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    office: officeId,
    from: { ...instant, description: 'Changes at or after this instant.' },
    to: { ...instant, description: 'Changes before this instant.' },
    page,
    pageSize,
  },
} as const;

const days = { type: 'integer', minimum: 0, maximum: 3650 };

export const storeRebuildBody = {
  type: 'object',
  additionalProperties: false,
  properties: { days: { ...days, description: 'Ended requests are rebuilt back this many days (30).' } },
} as const;

export const storeCheckQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { days: { type: 'string', pattern: '^[0-9]{1,4}$' } },
} as const;

/** The district × domain grid: a range, and one service or all. */
export const districtGridQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { from: reportRange.from, to: reportRange.to, service: serviceId },
} as const;

/** A definition's YAML text as the designer's editor holds it. */
const draftSource = { type: 'string', minLength: 1, maxLength: 200_000 };

export const draftBody = {
  type: 'object',
  additionalProperties: false,
  required: ['source'],
  properties: { source: draftSource },
} as const;

export const publishDraftBody = {
  type: 'object',
  additionalProperties: false,
  required: ['source', 'note'],
  properties: {
    source: draftSource,
    note: { type: 'string', minLength: 1, maxLength: 500, description: 'Why this version: kept with it.' },
  },
} as const;
