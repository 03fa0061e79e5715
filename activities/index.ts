/**
 * The engine's side effects, built from their dependencies so tests and deployments choose
 * them: routing and escalation on the organisation data, fee assessment, automatic actions,
 * notifications to the outbox. Workflows type their proxy from `Activities`.
 */
import { ApplicationFailure } from '@temporalio/common';
import { cityDate } from '../lib/calendar/working-time';
import { ExpressionError, evaluate } from '../lib/expressions/evaluate';
import type { Organisation } from '../lib/organisation/organisation';
import type { PlanFee } from '../lib/plan/types';
import type { Assignment } from '../workflows/types';
import { runAction, type ActionInput, type ActionResult } from './actions';
import { alertedSoFar, escalationTarget, type EscalationInput, type EscalationTarget } from './escalation';
import type { Notification, Outbox } from './outbox';
import { liveOffices, type TemporalAccess } from './live-offices';
import { rerouteOfficeWork } from './reroute';
import { route, type RoutingInput } from './routing';

export interface ActivityDeps {
  organisation: Organisation;
  outbox: Outbox;
  /** Temporal, for live licences and loads and for rerouting; routing uses the file alone without it. */
  temporal?: TemporalAccess;
  /** Today's date (YYYY-MM-DD) for licence checks; the real clock unless a test fixes it. */
  today?: () => string;
}

export interface FeeAssessment {
  amount: number;
  /** Payment id (شناسه پرداخت) the applicant pays against in the treasury. */
  billId: string;
}

export function createActivities(deps: ActivityDeps) {
  // Licences count days in the city's time.
  const today = deps.today ?? (() => cityDate(deps.organisation.calendar, Date.now()));
  const live = liveOffices(deps.organisation, deps.temporal);
  return {
    async resolveAssignee(input: RoutingInput): Promise<Assignment> {
      return route(deps.organisation, live, input, today());
    },

    async resolveEscalation(input: EscalationInput): Promise<EscalationTarget> {
      return escalationTarget(deps.organisation, live, input, today(), (asked) =>
        alertedSoFar(deps.temporal, asked),
      );
    },

    async rerouteOfficeWork(job: {
      officeId: string;
      reason: string;
    }): Promise<{ moved: number; failed: number }> {
      if (!deps.temporal) return { moved: 0, failed: 0 };
      return rerouteOfficeWork(deps.temporal, job);
    },

    async assessFee(input: {
      trackingCode: string;
      fee: PlanFee;
      data: Record<string, unknown>;
    }): Promise<FeeAssessment> {
      const { fee } = input;
      let amount: number;
      if ('fixed' in fee.amount) {
        amount = fee.amount.fixed;
      } else {
        let value;
        try {
          value = evaluate(fee.amount.formula, input.data);
        } catch (error) {
          if (!(error instanceof ExpressionError)) throw error;
          throw ApplicationFailure.create({
            type: 'FeeFormula',
            message: `fee '${fee.id}': ${error.message}`,
          });
        }
        if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
          throw ApplicationFailure.create({
            type: 'FeeFormula',
            message: `fee '${fee.id}': formula ${fee.amount.text} gave ${String(value)}, not an amount`,
          });
        }
        amount = Math.round(value);
      }
      return { amount, billId: `${input.trackingCode}-${fee.id}` };
    },

    async runAction(input: ActionInput): Promise<ActionResult> {
      return runAction(input, {
        org: deps.organisation,
        today,
        ...(deps.temporal ? { temporal: deps.temporal } : {}),
      });
    },

    async notify(notification: Notification): Promise<void> {
      await deps.outbox.append(notification);
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;
