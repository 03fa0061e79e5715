/**
 * Implementations of the actions automatic steps name (their specs are in lib/actions). The
 * record type makes every action of the catalog have an implementation.
 */
import { toJalaali } from 'jalaali-js';
import { ApplicationFailure } from '@temporalio/common';
import type { ActionName, ComputeParams, IssueNumberParams } from '../lib/actions/catalog';
import { evaluate, ExpressionError } from '../lib/expressions/evaluate';

export interface ActionInput {
  action: string;
  params: Record<string, unknown>;
  trackingCode: string;
  data: Record<string, unknown>;
}

export interface ActionResult {
  /** Fields to set on the request's data. */
  data: Record<string, unknown>;
  note: string;
}

type Implementation = (input: ActionInput) => ActionResult;

export const ACTION_IMPLEMENTATIONS: Record<ActionName, Implementation> = {
  compute(input) {
    const { set } = input.params as unknown as ComputeParams;
    const data: Record<string, unknown> = {};
    for (const { field, expr, text } of set) {
      try {
        data[field] = evaluate(expr, { ...input.data, ...data });
      } catch (error) {
        if (!(error instanceof ExpressionError)) throw error;
        throw ApplicationFailure.create({
          type: 'ActionFailed',
          message: `${field} = ${text}: ${error.message}`,
        });
      }
    }
    return { data, note: `computed ${Object.keys(data).join(', ')}` };
  },
  'issue-number'(input) {
    const { field, prefix } = input.params as unknown as IssueNumberParams;
    const now = new Date();
    const { jy } = toJalaali(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
    const value = `${prefix}-${jy}-${input.trackingCode}`;
    return { data: { [field]: value }, note: `issued ${field} ${value}` };
  },
};

export function runAction(input: ActionInput): ActionResult {
  const implementation = (ACTION_IMPLEMENTATIONS as Record<string, Implementation | undefined>)[input.action];
  if (!implementation) {
    throw ApplicationFailure.create({
      type: 'UnknownAction',
      message: `no action '${input.action}'`,
      nonRetryable: true,
    });
  }
  return implementation(input);
}
