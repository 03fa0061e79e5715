/**
 * The engine's side effects, built from their dependencies so tests and deployments choose
 * them: routing and escalation on the organisation data, fee assessment, automatic actions,
 * recording each request's changes in the work store. Workflows type their proxy from
 * `Activities`.
 */
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { cityDate } from '../lib/calendar/working-time';
import { ExpressionError, evaluate } from '../lib/expressions/evaluate';
import type { Organisation } from '../lib/organisation/organisation';
import type { PlanFee } from '../lib/plan/types';
import { recordLicenceChanges, type LicenceLogEntry } from '../store/licence-log';
import type { WorkStore } from '../store/work-store';
import type { Assignment, NotificationKind } from '../workflows/types';
import type { WorkChanges } from '../workflows/work-rows';
import { runAction, type ActionInput, type ActionResult } from './actions';
import { alertedSoFar, escalationTarget, type EscalationInput, type EscalationTarget } from './escalation';
import { liveOffices, type TemporalAccess } from './live-offices';
import { rerouteOfficeWork, type RerouteJob } from './reroute';
import { route, type RoutingInput } from './routing';

/** A notification as requests recorded before the work store sent it, through an activity. */
export interface LegacyNotification {
  kind: NotificationKind;
  to: string;
  trackingCode: string;
  taskId?: string;
  message: { fa: string; en: string };
}

export interface ActivityDeps {
  organisation: Organisation;
  /** Where requests record their changes, and routing reads office loads. */
  store: WorkStore;
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
  const live = liveOffices(deps.organisation, deps.temporal, deps.store.db);
  return {
    async resolveAssignee(input: RoutingInput): Promise<Assignment> {
      return route(deps.organisation, live, input, today());
    },

    async resolveEscalation(input: EscalationInput): Promise<EscalationTarget> {
      return escalationTarget(deps.organisation, live, input, today(), (asked) =>
        alertedSoFar(deps.temporal, asked),
      );
    },

    async rerouteOfficeWork(job: RerouteJob): Promise<{ moved: number; failed: number; left: number }> {
      if (!deps.temporal) return { moved: 0, failed: 0, left: 0 };
      return rerouteOfficeWork(
        { temporal: deps.temporal, store: deps.store.db, org: deps.organisation, live, today },
        job,
      );
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
            nonRetryable: true,
          });
        }
        if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
          throw ApplicationFailure.create({
            type: 'FeeFormula',
            message: `fee '${fee.id}': formula ${fee.amount.text} gave ${String(value)}, not an amount`,
            nonRetryable: true,
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
        store: deps.store.db,
        ...(deps.temporal ? { temporal: deps.temporal } : {}),
      });
    },

    /** A request's changes since its last write: run as a local activity, in its workflow task. */
    async recordWork(changes: WorkChanges): Promise<void> {
      await deps.store.writer.write(changes);
    },

    /** Licence changes the registry made: run as a local activity, in its workflow task. */
    async recordLicenceChanges(entries: LicenceLogEntry[]): Promise<void> {
      await recordLicenceChanges(deps.store.db, entries);
    },

    /**
     * A notification of a request recorded before the work store, still sent this way when such a
     * request replays: stored under a key of the activity, so a retry stores it once.
     */
    async notify(notification: LegacyNotification): Promise<void> {
      const { workflowExecution, activityId } = Context.current().info;
      const run = workflowExecution?.runId.slice(0, 8) ?? 'run';
      await deps.store.writer.write({
        trackingCode: notification.trackingCode,
        revision: 0,
        notifications: [
          {
            id: `${notification.trackingCode}-${run}-a${activityId}`,
            taskId: notification.taskId ?? null,
            kind: notification.kind,
            recipient: notification.to,
            at: new Date().toISOString(),
            message: notification.message,
          },
        ],
      });
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;
