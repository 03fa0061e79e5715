/**
 * Finding requests: by tracking code, by the applicant's national id (its keyed hash), by service,
 * district, state and the day they started, among the requests the reader may see: staff those
 * their units worked on or took in, oversight every one.
 */
import type { Queryable } from './database';
import { holderCondition, Params, type HolderScope } from './sql';

export interface RequestSearch {
  trackingCode?: string;
  nationalIdHash?: string;
  service?: string;
  district?: string;
  state?: string;
  /** Started on or after `from`, before `to` (instants). */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export interface FoundRequest {
  trackingCode: string;
  serviceId: string;
  serviceTitle: { fa: string; en: string };
  district: string;
  channel: string;
  state: string;
  sla: string;
  startedAt: string;
  endedAt?: string;
  deadline: string;
  currentSteps: { stepId: string; title: { fa: string; en: string }; assignee: string }[];
}

export async function searchRequests(
  db: Queryable,
  scope: HolderScope & { office?: string },
  search: RequestSearch,
): Promise<{ total: number; items: FoundRequest[] }> {
  const build = (params: Params) => {
    const where: string[] = [];
    if (!scope.everyone) {
      const held = holderCondition(scope, params, 'h.holder', 'r.district');
      const tookIn = scope.office ? ` OR r.intake_office = ${params.add(scope.office)}` : '';
      where.push(
        `(EXISTS (SELECT 1 FROM task_holders h WHERE h.tracking_code = r.tracking_code AND ${held})${tookIn})`,
      );
    }
    if (search.trackingCode) where.push(`r.tracking_code = ${params.add(search.trackingCode)}`);
    if (search.nationalIdHash) where.push(`r.national_id_hash = ${params.add(search.nationalIdHash)}`);
    if (search.service) where.push(`r.service_id = ${params.add(search.service)}`);
    if (search.district) where.push(`r.district = ${params.add(search.district)}`);
    if (search.state) where.push(`r.state = ${params.add(search.state)}`);
    if (search.from) where.push(`r.started_at >= ${params.add(search.from)}`);
    if (search.to) where.push(`r.started_at < ${params.add(search.to)}`);
    return where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  };
  const countParams = new Params();
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM requests r ${build(countParams)}`,
    countParams.values,
  );
  const total = count?.n ?? 0;
  if (total === 0) return { total, items: [] };
  const params = new Params();
  const rows = await db.query<{
    tracking_code: string;
    service_id: string;
    service_title_fa: string;
    service_title_en: string;
    district: string;
    channel: string;
    state: string;
    sla: string;
    started_at: Date;
    ended_at: Date | null;
    target_deadline: Date;
    current: { stepId: string; fa: string; en: string; assignee: string }[];
  }>(
    `SELECT r.tracking_code, r.service_id, r.service_title_fa, r.service_title_en, r.district, r.channel,
            r.state, r.sla, r.started_at, r.ended_at, r.target_deadline,
            COALESCE((SELECT json_agg(json_build_object('stepId', t.step_id, 'fa', t.title_fa,
                               'en', t.title_en, 'assignee', t.holder) ORDER BY t.deadline)
                        FROM tasks t WHERE t.tracking_code = r.tracking_code AND t.status = 'open'), '[]') AS current
       FROM requests r ${build(params)}
      ORDER BY r.started_at DESC, r.tracking_code
      LIMIT ${params.add(search.pageSize)} OFFSET ${params.add((search.page - 1) * search.pageSize)}`,
    params.values,
  );
  return {
    total,
    items: rows.map((row) => ({
      trackingCode: row.tracking_code,
      serviceId: row.service_id,
      serviceTitle: { fa: row.service_title_fa, en: row.service_title_en },
      district: row.district,
      channel: row.channel,
      state: row.state,
      sla: row.sla,
      startedAt: row.started_at.toISOString(),
      ...(row.ended_at ? { endedAt: row.ended_at.toISOString() } : {}),
      deadline: row.target_deadline.toISOString(),
      currentSteps: row.current.map((c) => ({
        stepId: c.stepId,
        title: { fa: c.fa, en: c.en },
        assignee: c.assignee,
      })),
    })),
  };
}
