/**
 * Writes what a request's workflow reports: the rows that changed, in one transaction. Rows that
 * change (the request, its tasks, fees, suspensions) are replaced only by a write of the same or a
 * later revision, so a retried or replayed write changes nothing and an older one never overwrites
 * a newer; history rows are keyed by the request and their place in it, and written once.
 */
import type { WorkChanges } from '../workflows/work-rows';
import type { Database, Queryable } from './database';
import type { DeliveryPlanner } from './notification-delivery';
import { nationalIdHash } from './national-id';

export class WorkWriter {
  constructor(
    private readonly db: Database,
    /** Keys the hash of national ids, so a stolen table cannot be searched with a list of ids. */
    private readonly nationalIdKey: string,
    /** Queues the deliveries (e-mail, webhook) a new notification needs; none when absent. */
    private readonly deliveries?: DeliveryPlanner,
  ) {}

  async write(changes: WorkChanges): Promise<void> {
    await this.db.transaction(async (tx) => {
      const code = changes.trackingCode;
      const rev = changes.revision;
      if (changes.request) await this.request(tx, changes, rev);
      for (const t of changes.tasks ?? []) {
        await tx.query(
          `INSERT INTO tasks (task_id, tracking_code, service_id, district, step_id, kind, title_fa, title_en,
             holder, holder_title_fa, holder_title_en, holder_unit, holder_department, supervisor,
             claimed_by, claimed_at, status, opened_at, closed_at, deadline, original_deadline, at_risk_at,
             statutory_deadline, clock, sla, breached_at, breached_holder, breached_unit, escalation_level,
             on_applicant, outcome, actor, note, working_minutes, revision)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,
             $25,$26,$27,$28,$29,$30,$31,$32,$33,$34,$35)
           ON CONFLICT (task_id) DO UPDATE SET
             holder = EXCLUDED.holder, holder_title_fa = EXCLUDED.holder_title_fa,
             holder_title_en = EXCLUDED.holder_title_en, holder_unit = EXCLUDED.holder_unit,
             holder_department = EXCLUDED.holder_department, supervisor = EXCLUDED.supervisor,
             claimed_by = EXCLUDED.claimed_by, claimed_at = EXCLUDED.claimed_at, status = EXCLUDED.status,
             closed_at = EXCLUDED.closed_at, deadline = EXCLUDED.deadline, at_risk_at = EXCLUDED.at_risk_at,
             statutory_deadline = EXCLUDED.statutory_deadline, sla = EXCLUDED.sla,
             breached_at = COALESCE(tasks.breached_at, EXCLUDED.breached_at),
             breached_holder = COALESCE(tasks.breached_holder, EXCLUDED.breached_holder),
             breached_unit = COALESCE(tasks.breached_unit, EXCLUDED.breached_unit),
             escalation_level = EXCLUDED.escalation_level, outcome = EXCLUDED.outcome,
             actor = EXCLUDED.actor, note = EXCLUDED.note, working_minutes = EXCLUDED.working_minutes,
             revision = EXCLUDED.revision
           WHERE tasks.revision <= EXCLUDED.revision`,
          [
            t.taskId,
            code,
            t.serviceId,
            t.district,
            t.stepId,
            t.kind,
            t.title.fa,
            t.title.en,
            t.holder.principal,
            t.holder.title.fa,
            t.holder.title.en,
            t.holderUnit,
            t.holderDepartment,
            t.supervisor,
            t.claimedBy,
            t.claimedAt,
            t.status,
            t.openedAt,
            t.closedAt,
            t.deadline,
            t.originalDeadline,
            t.atRiskAt,
            t.statutoryDeadline,
            t.clock,
            t.sla,
            t.breachedAt,
            t.breachedHolder,
            t.breachedUnit,
            t.escalationLevel,
            t.onApplicant,
            t.outcome,
            t.actor,
            t.note,
            t.workingMinutes,
            rev,
          ],
        );
      }
      for (const h of changes.holders ?? []) {
        await tx.query(
          `INSERT INTO task_holders (task_id, seq, tracking_code, at, holder, holder_title_fa, holder_title_en,
             how, reason, decision)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ON CONFLICT DO NOTHING`,
          [
            h.taskId,
            h.seq,
            code,
            h.at,
            h.holder.principal,
            h.holder.title.fa,
            h.holder.title.en,
            h.how,
            h.reason,
            h.decision === null ? null : JSON.stringify(h.decision),
          ],
        );
      }
      for (const e of changes.events ?? []) {
        await tx.query(
          `INSERT INTO request_events (tracking_code, seq, at, kind, step_id, title_fa, title_en, task_id,
             outcome, actor, note)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) ON CONFLICT DO NOTHING`,
          [code, e.seq, e.at, e.kind, e.stepId, e.title.fa, e.title.en, e.taskId, e.outcome, e.actor, e.note],
        );
      }
      for (const e of changes.escalations ?? []) {
        await tx.query(
          `INSERT INTO escalations (tracking_code, seq, task_id, step_id, at, level, action, reason,
             from_principal, to_principal, to_title_fa, to_title_en)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) ON CONFLICT DO NOTHING`,
          [
            code,
            e.seq,
            e.taskId,
            e.stepId,
            e.at,
            e.level,
            e.action,
            e.reason,
            e.from,
            e.to.principal,
            e.to.title.fa,
            e.to.title.en,
          ],
        );
      }
      for (const c of changes.deadlineChanges ?? []) {
        await tx.query(
          `INSERT INTO deadline_changes (tracking_code, seq, at, of_what, kind, from_at, to_at, cause, reason,
             changed_by)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ON CONFLICT DO NOTHING`,
          [code, c.seq, c.at, c.of, c.kind, c.from, c.to, c.cause, c.reason, c.by],
        );
      }
      for (const s of changes.suspensions ?? []) {
        await tx.query(
          `INSERT INTO suspensions (tracking_code, seq, from_at, to_at, reason, suspended_by, task_id, revision)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
           ON CONFLICT (tracking_code, seq) DO UPDATE SET to_at = EXCLUDED.to_at, revision = EXCLUDED.revision
           WHERE suspensions.revision <= EXCLUDED.revision`,
          [code, s.seq, s.from, s.to, s.reason, s.by, s.taskId, rev],
        );
      }
      for (const f of changes.fees ?? []) {
        await tx.query(
          `INSERT INTO fees (tracking_code, seq, fee_id, bill_id, title_fa, title_en, amount, status, paid_at,
             receipt, refund, revision)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)
           ON CONFLICT (tracking_code, seq) DO UPDATE SET status = EXCLUDED.status, paid_at = EXCLUDED.paid_at,
             receipt = EXCLUDED.receipt, refund = EXCLUDED.refund, revision = EXCLUDED.revision
           WHERE fees.revision <= EXCLUDED.revision`,
          [
            code,
            f.seq,
            f.feeId,
            f.billId,
            f.title.fa,
            f.title.en,
            f.amount,
            f.status,
            f.paidAt,
            f.receipt,
            f.refund,
            rev,
          ],
        );
      }
      for (const n of changes.notifications ?? []) {
        const added = await tx.query(
          `INSERT INTO notifications (id, tracking_code, task_id, kind, recipient, at, message_fa, message_en)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT DO NOTHING RETURNING id`,
          [n.id, code, n.taskId, n.kind, n.recipient, n.at, n.message.fa, n.message.en],
        );
        if (added.length > 0) await this.deliveries?.plan(tx, { ...n, trackingCode: code });
      }
    });
  }

  private async request(tx: Queryable, changes: WorkChanges, rev: number): Promise<void> {
    const r = changes.request;
    if (!r) return;
    const hash = changes.nationalId ? nationalIdHash(this.nationalIdKey, changes.nationalId) : null;
    await tx.query(
      `INSERT INTO requests (tracking_code, service_id, service_title_fa, service_title_en, domain,
         definition_version, district, channel, intake_office, office, office_how, state, sla, started_at,
         ended_at, target_deadline, statutory_deadline, suspended_since, received_at, national_id_hash, revision)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21)
       ON CONFLICT (tracking_code) DO UPDATE SET
         office = EXCLUDED.office, office_how = EXCLUDED.office_how, state = EXCLUDED.state, sla = EXCLUDED.sla,
         ended_at = EXCLUDED.ended_at, target_deadline = EXCLUDED.target_deadline,
         statutory_deadline = EXCLUDED.statutory_deadline, suspended_since = EXCLUDED.suspended_since,
         national_id_hash = COALESCE(EXCLUDED.national_id_hash, requests.national_id_hash),
         revision = EXCLUDED.revision, written_at = now()
       WHERE requests.revision <= EXCLUDED.revision`,
      [
        r.trackingCode,
        r.serviceId,
        r.serviceTitle.fa,
        r.serviceTitle.en,
        r.domain,
        r.definitionVersion,
        r.district,
        r.channel,
        r.intakeOffice,
        r.office,
        r.officeHow,
        r.state,
        r.sla,
        r.startedAt,
        r.endedAt,
        r.targetDeadline,
        r.statutoryDeadline,
        r.suspendedSince,
        r.receivedAt,
        hash,
        rev,
      ],
    );
  }
}
