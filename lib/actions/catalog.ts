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
} satisfies Record<string, ActionSpec>;

export type ActionName = keyof typeof ACTIONS;

export const ACTION_NAMES = Object.keys(ACTIONS) as ActionName[];

export function actionSpec(name: string): ActionSpec | undefined {
  return Object.hasOwn(ACTIONS, name) ? ACTIONS[name as ActionName] : undefined;
}
