/**
 * Writes what a request's workflow reports: the rows that changed, in one transaction, one
 * statement per table. Rows that change (the request, its tasks, fees, suspensions) are replaced
 * only by a write of the same or a later revision, so a retried or replayed write changes nothing
 * and an older one never overwrites a newer; history rows are keyed by the request and their place
 * in it, and written once (an escalation once more, when its target is found).
 */
import type { WorkChanges } from '../workflows/work-rows';
import type { Database, Queryable } from './database';
import type { DeliveryPlanner } from './notification-delivery';
import { nationalIdHash } from './national-id';

/** Rows as JSON, read back into typed columns: `jsonb_to_recordset($1) AS r(name type, ...)`. */
const rowsOf = (columns: string) => `jsonb_to_recordset($1::jsonb) AS r(${columns})`;

const TASK_COLUMNS = `task_id text, tracking_code text, service_id text, district text, step_id text, kind text,
  title_fa text, title_en text, holder text, holder_title_fa text, holder_title_en text, holder_unit text,
  holder_department text, supervisor text, claimed_by text, claimed_at timestamptz, status text,
  opened_at timestamptz, closed_at timestamptz, deadline timestamptz, original_deadline timestamptz,
  at_risk_at timestamptz, statutory_deadline timestamptz, clock text, sla text, breached_at timestamptz,
  breached_holder text, breached_unit text, escalation_level integer, on_applicant boolean, outcome text,
  actor text, note text, working_minutes integer, revision bigint`;

const ESCALATION_COLUMNS = `tracking_code text, seq integer, task_id text, step_id text, at timestamptz,
  level integer, action text, reason text, from_principal text, to_principal text, to_title_fa text,
  to_title_en text`;

/**
 * History rows are written once, but for an escalation recorded before its target was found
 * (`to_principal` empty): it takes its target once, and a found target is never undone.
 */
const onConflict = (table: string) =>
  table === 'escalations'
    ? `ON CONFLICT (tracking_code, seq) DO UPDATE SET reason = EXCLUDED.reason,
         to_principal = EXCLUDED.to_principal, to_title_fa = EXCLUDED.to_title_fa, to_title_en = EXCLUDED.to_title_en
       WHERE escalations.to_principal = ''`
    : 'ON CONFLICT DO NOTHING';

const names = (columns: string) =>
  columns
    .split(',')
    .map((column) => column.trim().split(/\s+/)[0])
    .join(', ');

export class WorkWriter {
  constructor(
    private readonly db: Database,
    /** Keys the hash of national ids, so a stolen table cannot be searched with a list of ids. */
    private readonly nationalIdKey: string,
    /** Queues the deliveries (e-mail, webhook) a new notification needs; none when absent. */
    private readonly deliveries?: DeliveryPlanner,
  ) {}

  /**
   * Counts the open tasks again into the counters the summaries and worklists read, and totals the
   * months again for the reports, while writers wait: after a rebuild, so counters that drifted (a
   * restore, a hand edit) agree again.
   */
  async recountOpenTasks(): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('LOCK TABLE tasks IN SHARE MODE');
      await tx.query('SELECT recount_open_tasks()');
      await tx.query('SELECT retotal_months()');
    });
  }

  async write(changes: WorkChanges): Promise<void> {
    await this.db.transaction(async (tx) => {
      const code = changes.trackingCode;
      const rev = changes.revision;
      if (changes.request) await this.request(tx, changes, rev);
      const tasks = changes.tasks ?? [];
      if (tasks.length > 0)
        await tx.query(
          `INSERT INTO tasks (${names(TASK_COLUMNS)}) SELECT * FROM ${rowsOf(TASK_COLUMNS)}
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
            JSON.stringify(
              tasks.map((t) => ({
                task_id: t.taskId,
                tracking_code: code,
                service_id: t.serviceId,
                district: t.district,
                step_id: t.stepId,
                kind: t.kind,
                title_fa: t.title.fa,
                title_en: t.title.en,
                holder: t.holder.principal,
                holder_title_fa: t.holder.title.fa,
                holder_title_en: t.holder.title.en,
                holder_unit: t.holderUnit,
                holder_department: t.holderDepartment,
                supervisor: t.supervisor,
                claimed_by: t.claimedBy,
                claimed_at: t.claimedAt,
                status: t.status,
                opened_at: t.openedAt,
                closed_at: t.closedAt,
                deadline: t.deadline,
                original_deadline: t.originalDeadline,
                at_risk_at: t.atRiskAt,
                statutory_deadline: t.statutoryDeadline,
                clock: t.clock,
                sla: t.sla,
                breached_at: t.breachedAt,
                breached_holder: t.breachedHolder,
                breached_unit: t.breachedUnit,
                escalation_level: t.escalationLevel,
                on_applicant: t.onApplicant,
                outcome: t.outcome,
                actor: t.actor,
                note: t.note,
                working_minutes: t.workingMinutes,
                revision: rev,
              })),
            ),
          ],
        );
      await this.history(
        tx,
        'task_holders',
        `task_id text, seq integer, tracking_code text, at timestamptz, holder text, holder_title_fa text,
         holder_title_en text, how text, reason text, decision jsonb`,
        (changes.holders ?? []).map((h) => ({
          task_id: h.taskId,
          seq: h.seq,
          tracking_code: code,
          at: h.at,
          holder: h.holder.principal,
          holder_title_fa: h.holder.title.fa,
          holder_title_en: h.holder.title.en,
          how: h.how,
          reason: h.reason,
          decision: h.decision,
        })),
      );
      await this.history(
        tx,
        'request_events',
        `tracking_code text, seq integer, at timestamptz, kind text, step_id text, title_fa text, title_en text,
         task_id text, outcome text, actor text, note text`,
        (changes.events ?? []).map((e) => ({
          tracking_code: code,
          seq: e.seq,
          at: e.at,
          kind: e.kind,
          step_id: e.stepId,
          title_fa: e.title.fa,
          title_en: e.title.en,
          task_id: e.taskId,
          outcome: e.outcome,
          actor: e.actor,
          note: e.note,
        })),
      );
      await this.history(
        tx,
        'escalations',
        ESCALATION_COLUMNS,
        (changes.escalations ?? []).map((e) => ({
          tracking_code: code,
          seq: e.seq,
          task_id: e.taskId,
          step_id: e.stepId,
          at: e.at,
          level: e.level,
          action: e.action,
          reason: e.reason,
          from_principal: e.from,
          to_principal: e.to.principal,
          to_title_fa: e.to.title.fa,
          to_title_en: e.to.title.en,
        })),
      );
      await this.history(
        tx,
        'deadline_changes',
        `tracking_code text, seq integer, at timestamptz, of_what text, kind text, from_at timestamptz,
         to_at timestamptz, cause text, reason text, changed_by text`,
        (changes.deadlineChanges ?? []).map((c) => ({
          tracking_code: code,
          seq: c.seq,
          at: c.at,
          of_what: c.of,
          kind: c.kind,
          from_at: c.from,
          to_at: c.to,
          cause: c.cause,
          reason: c.reason,
          changed_by: c.by,
        })),
      );
      const suspensions = changes.suspensions ?? [];
      if (suspensions.length > 0) {
        const columns = `tracking_code text, seq integer, from_at timestamptz, to_at timestamptz, reason text,
          suspended_by text, task_id text, revision bigint`;
        await tx.query(
          `INSERT INTO suspensions (${names(columns)}) SELECT * FROM ${rowsOf(columns)}
           ON CONFLICT (tracking_code, seq) DO UPDATE SET to_at = EXCLUDED.to_at, revision = EXCLUDED.revision
           WHERE suspensions.revision <= EXCLUDED.revision`,
          [
            JSON.stringify(
              suspensions.map((s) => ({
                tracking_code: code,
                seq: s.seq,
                from_at: s.from,
                to_at: s.to,
                reason: s.reason,
                suspended_by: s.by,
                task_id: s.taskId,
                revision: rev,
              })),
            ),
          ],
        );
      }
      const fees = changes.fees ?? [];
      if (fees.length > 0) {
        const columns = `tracking_code text, seq integer, fee_id text, bill_id text, title_fa text, title_en text,
          amount numeric, status text, paid_at timestamptz, receipt text, refund text, revision bigint`;
        await tx.query(
          `INSERT INTO fees (${names(columns)}) SELECT * FROM ${rowsOf(columns)}
           ON CONFLICT (tracking_code, seq) DO UPDATE SET status = EXCLUDED.status, paid_at = EXCLUDED.paid_at,
             receipt = EXCLUDED.receipt, refund = EXCLUDED.refund, revision = EXCLUDED.revision
           WHERE fees.revision <= EXCLUDED.revision`,
          [
            JSON.stringify(
              fees.map((f) => ({
                tracking_code: code,
                seq: f.seq,
                fee_id: f.feeId,
                bill_id: f.billId,
                title_fa: f.title.fa,
                title_en: f.title.en,
                amount: f.amount,
                status: f.status,
                paid_at: f.paidAt,
                receipt: f.receipt,
                refund: f.refund,
                revision: rev,
              })),
            ),
          ],
        );
      }
      const notifications = changes.notifications ?? [];
      if (notifications.length > 0) {
        const columns = `id text, tracking_code text, task_id text, kind text, recipient text, at timestamptz,
          message_fa text, message_en text`;
        const added = await tx.query<{ id: string }>(
          `INSERT INTO notifications (${names(columns)}) SELECT * FROM ${rowsOf(columns)}
           ON CONFLICT DO NOTHING RETURNING id`,
          [
            JSON.stringify(
              notifications.map((n) => ({
                id: n.id,
                tracking_code: code,
                task_id: n.taskId,
                kind: n.kind,
                recipient: n.recipient,
                at: n.at,
                message_fa: n.message.fa,
                message_en: n.message.en,
              })),
            ),
          ],
        );
        // Deliveries are queued with the notification, once: only for those new now.
        const fresh = new Set(added.map((row) => row.id));
        for (const n of notifications)
          if (fresh.has(n.id)) await this.deliveries?.plan(tx, { ...n, trackingCode: code });
      }
    });
  }

  /** History rows: written once, whatever repeats. */
  private async history(tx: Queryable, table: string, columns: string, rows: object[]): Promise<void> {
    if (rows.length === 0) return;
    await tx.query(
      `INSERT INTO ${table} (${names(columns)}) SELECT * FROM ${rowsOf(columns)} ${onConflict(table)}`,
      [JSON.stringify(rows)],
    );
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
