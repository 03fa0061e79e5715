/**
 * The actions automatic steps may name. Each declares its parameters as a JSON Schema and
 * the request fields it sets, so a definition is checked when it loads, never when a
 * citizen's request reaches the step. Implementations live in activities/actions.ts.
 */
import type { Expr } from '../expressions/ast';
import type { Title } from '../generated/service-definition';

/** What an action's compile step can ask of the compiler. */
export interface ActionCompileContext {
  /** Parses an expression at a path of the step, reporting problems there. */
  expression(text: string, path: (string | number)[]): Expr;
  /** Checks a field of the request's data exists in some form, reporting it there if not. */
  field(name: string, path: (string | number)[]): void;
}

export interface ActionSpec {
  title: Title;
  description: string;
  /** JSON Schema of the step's `with`. */
  parameters: Record<string, unknown>;
  /** Request fields the action sets, for expressions of later steps. */
  produces(params: Record<string, unknown>): string[];
  /** Turns the validated `with` into what the activity receives. */
  compile(params: Record<string, unknown>, ctx: ActionCompileContext): Record<string, unknown>;
}

export interface ComputeParams {
  set: { field: string; expr: Expr; text: string }[];
}

export interface IssueNumberParams {
  field: string;
  prefix: string;
}

/** Which office an office action acts on: the request's intake office, or the one a field names. */
export interface OfficeParams {
  office: string;
}

/** The fields `grant-office-licence` reads from the request's data. */
export const GRANT_FIELDS = [
  'officeTitleFa',
  'officeTitleEn',
  'officeDistrict',
  'officeDomains',
  'officeCapacity',
];

const officeParam = {
  description: "'intake' for the request's intake office, or the name of a data field holding an office id",
  type: 'string',
  pattern: '^[a-zA-Z][a-zA-Z0-9]*$',
};

function checkOffice(params: Record<string, unknown>, ctx: ActionCompileContext): void {
  if (params.office !== 'intake') ctx.field(String(params.office), ['with', 'office']);
}

const fieldName = { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9]*$' };

export const ACTIONS = {
  compute: {
    title: { fa: 'محاسبه', en: 'Compute' },
    description:
      'Sets request fields from expressions over the data, such as dues of past years with penalties.',
    parameters: {
      type: 'object',
      additionalProperties: false,
      required: ['set'],
      properties: {
        set: {
          type: 'object',
          minProperties: 1,
          propertyNames: fieldName,
          additionalProperties: { type: 'string', minLength: 1 },
        },
      },
    },
    produces: (params) => Object.keys(params.set as Record<string, string>),
    compile: (params, ctx): ComputeParams & Record<string, unknown> => ({
      set: Object.entries(params.set as Record<string, string>).map(([field, text]) => ({
        field,
        text,
        expr: ctx.expression(text, ['with', 'set', field]),
      })),
    }),
  },
  'issue-number': {
    title: { fa: 'صدور شماره', en: 'Issue a number' },
    description:
      'Issues a document number (permit, certificate, licence) into a request field: <prefix>-<Jalali year>-<tracking code>.',
    parameters: {
      type: 'object',
      additionalProperties: false,
      required: ['field', 'prefix'],
      properties: { field: fieldName, prefix: { type: 'string', pattern: '^[A-Z0-9]{1,8}$' } },
    },
    produces: (params) => [String(params.field)],
    compile: (params) => ({ field: params.field, prefix: params.prefix }),
  },
  'suspend-office-licence': {
    title: { fa: 'تعلیق مجوز دفتر', en: "Suspend an office's licence" },
    description:
      "Suspends an office's licence in the licence registry, which moves the office's open work by the rule.",
    parameters: {
      type: 'object',
      additionalProperties: false,
      required: ['office', 'reason'],
      properties: { office: officeParam, reason: { type: 'string', minLength: 3 } },
    },
    produces: () => [],
    compile: (params, ctx) => {
      checkOffice(params, ctx);
      return { office: params.office, reason: params.reason };
    },
  },
  'renew-office-licence': {
    title: { fa: 'تمدید مجوز دفتر', en: "Renew an office's licence" },
    description: "Renews an office's licence in the licence registry for some years from its last day.",
    parameters: {
      type: 'object',
      additionalProperties: false,
      required: ['office', 'years'],
      properties: { office: officeParam, years: { type: 'integer', minimum: 1, maximum: 5 } },
    },
    produces: () => ['licenceValidUntil'],
    compile: (params, ctx) => {
      checkOffice(params, ctx);
      return { office: params.office, years: params.years };
    },
  },
  'grant-office-licence': {
    title: { fa: 'اعطای مجوز دفتر', en: 'Grant an office licence' },
    description: `Licenses a new office in the registry from the request's ${GRANT_FIELDS.join(', ')}; sets officeId and licenceNumber.`,
    parameters: {
      type: 'object',
      additionalProperties: false,
      required: ['years'],
      properties: { years: { type: 'integer', minimum: 1, maximum: 5 } },
    },
    produces: () => ['officeId', 'licenceNumber', 'licenceValidUntil'],
    compile: (params, ctx) => {
      for (const field of GRANT_FIELDS) ctx.field(field, ['with']);
      return { years: params.years };
    },
  },
  'measure-office-performance': {
    title: { fa: 'سنجش عملکرد دفتر', en: "Measure an office's performance" },
    description:
      "Sets tasksDone and breachRate (the share of the office's tasks that passed their SLA) from the requests it worked on.",
    parameters: {
      type: 'object',
      additionalProperties: false,
      required: ['office'],
      properties: { office: officeParam },
    },
    produces: () => ['tasksDone', 'breachRate'],
    compile: (params, ctx) => {
      checkOffice(params, ctx);
      return { office: params.office };
    },
  },
} satisfies Record<string, ActionSpec>;

export type ActionName = keyof typeof ACTIONS;

export const ACTION_NAMES = Object.keys(ACTIONS) as ActionName[];

export function actionSpec(name: string): ActionSpec | undefined {
  return Object.hasOwn(ACTIONS, name) ? ACTIONS[name as ActionName] : undefined;
}
