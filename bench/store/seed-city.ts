/**
 * A city's worth of work written straight into the store, in the shape the workflows write it:
 * 150,000 open requests with 250,000 open tasks, 300,000 ended requests, a million closed tasks,
 * a holder row for every task, escalations of the breached. Holders are the real units of the
 * organisation (offices, district departments and their roles), services and districts the real
 * ones; deadlines spread so about a fifth of the open work is breached and a few percent at risk.
 */
import type { Organisation } from '../../lib/organisation/organisation';
import type { Database } from '../../store/database';

export interface CityShape {
  openRequests: number;
  /** Open requests with a second open task (a parallel group). */
  secondOpenTasks: number;
  endedRequests: number;
  /** Closed tasks of each ended request. */
  closedPerEnded: number;
  /** Open requests with an earlier task done. */
  openWithDoneStep: number;
}

export const TEHRAN: CityShape = {
  openRequests: 150_000,
  secondOpenTasks: 100_000,
  endedRequests: 300_000,
  closedPerEnded: 3,
  openWithDoneStep: 100_000,
};

/** The holders work is spread over: every office, every district department unit and its roles. */
export function holdersOf(org: Organisation): { offices: string[]; units: string[] } {
  const offices = org.officeIds().map((id) => `office:${id}`);
  const units: string[] = [];
  for (const departmentId of org.departmentIds()) {
    const department = org.department(departmentId);
    if (!department?.perDistrict) continue;
    for (const district of org.districtIds()) {
      const unit = `${district}.${departmentId}`;
      units.push(
        `department:${unit}`,
        ...(department.roles ?? []).map((role) => `department:${unit}/${role.id}`),
      );
    }
  }
  return { offices, units };
}

/**
 * Who may hold work in each district, as routing would give it: the offices serving the district
 * (`o`) and its department units and their roles (`u`).
 */
function holdersByDistrict(org: Organisation): Record<string, { o: string[]; u: string[] }> {
  const byDistrict: Record<string, { o: string[]; u: string[] }> = {};
  for (const district of org.districtIds()) {
    const offices = org
      .officeIds()
      .filter((id) => org.office(id)?.districts.includes(district))
      .map((id) => `office:${id}`);
    const units = holdersOf(org).units.filter((unit) => unit.startsWith(`department:${district}.`));
    byDistrict[district] = { o: offices, u: units };
  }
  return byDistrict;
}

export async function seedCity(
  db: Database,
  org: Organisation,
  services: string[],
  shape = TEHRAN,
): Promise<void> {
  const districts = org.districtIds();
  // Pick from an array by a number: arrays are 1-based.
  const pick = (array: string, n: string) => `(${array})[1 + (${n}) % array_length(${array}, 1)]`;
  // Four in ten tasks with an office of the request's district, the rest with one of its
  // department units or roles, the same for a service's step (as routing does): $1 is
  // holdersByDistrict's map.
  const holder = (n: string, district: string, step: string) => {
    const offices = `($1::jsonb -> ${district} -> 'o')`;
    const units = `($1::jsonb -> ${district} -> 'u')`;
    return `CASE WHEN (${n}) % 10 < 4 AND jsonb_array_length(${offices}) > 0
                 THEN ${offices} ->> ((${n}) / 10 % jsonb_array_length(${offices}))::int
                 ELSE ${units} ->> (abs(hashtext(${step})) % jsonb_array_length(${units}))::int END`;
  };
  const holderParams = [JSON.stringify(holdersByDistrict(org))];
  const unitOf = (h: string) => `split_part(split_part(${h}, ':', 2), '/', 1)`;
  const departmentOf = (h: string) =>
    `CASE WHEN ${h} LIKE 'department:%' THEN split_part(${unitOf(h)}, '.', 2) END`;
  const headOf = (h: string) =>
    `CASE WHEN ${h} LIKE 'office:%' THEN 'head:d01.office-affairs' ELSE 'head:' || ${unitOf(h)} END`;

  await db.query(
    `INSERT INTO requests (tracking_code, service_id, service_title_fa, service_title_en, domain, definition_version,
       district, channel, intake_office, office, office_how, state, sla, started_at, ended_at, target_deadline,
       national_id_hash, revision)
     SELECT (100000000000 + g)::text, ${pick('$1::text[]', 'g')}, 'خدمت', 'Service', 'urban-planning', 1,
            ${pick('$2::text[]', 'g / 7')}, 'office', NULL, NULL, NULL,
            CASE WHEN g <= ${shape.openRequests} THEN 'active' WHEN g % 9 = 0 THEN 'rejected' ELSE 'completed' END,
            'ok',
            CASE WHEN g <= ${shape.openRequests} THEN now() - ((g % 60) || ' days')::interval
                 ELSE now() - interval '365 days' + ((g - ${shape.openRequests}) * 86400 * 360 / ${shape.endedRequests} || ' seconds')::interval END,
            CASE WHEN g <= ${shape.openRequests} THEN NULL
                 ELSE now() - interval '365 days' + ((g - ${shape.openRequests}) * 86400 * 360 / ${shape.endedRequests} + 86400 * (3 + g % 30) || ' seconds')::interval END,
            now() + interval '20 days', md5(g::text), 1
       FROM generate_series(1::bigint, ${shape.openRequests + shape.endedRequests}) AS g`,
    [services, districts],
  );

  // Open tasks: one per open request, a second for some; deadlines from 6 days ago to 14 ahead.
  for (const [n, count] of [
    [1, shape.openRequests],
    [2, shape.secondOpenTasks],
  ] as const) {
    await db.query(
      `INSERT INTO tasks (task_id, tracking_code, service_id, district, step_id, kind, title_fa, title_en, holder,
         holder_title_fa, holder_title_en, holder_unit, holder_department, supervisor, claimed_by, status, opened_at,
         deadline, original_deadline, at_risk_at, clock, sla, breached_at, breached_holder, breached_unit,
         escalation_level, on_applicant, revision)
       SELECT r.tracking_code || '-${n + 10}', r.tracking_code, r.service_id, r.district, 'step-${n}', 'task', 'کار', 'Task',
              h.holder, 'واحد', 'Unit', ${unitOf('h.holder')}, ${departmentOf('h.holder')}, ${headOf('h.holder')},
              CASE WHEN g % 5 = 0 THEN 'office:staff-' || g % 7 END, 'open', d.deadline - interval '5 days',
              d.deadline, d.deadline, d.deadline - interval '1 day', 'working',
              CASE WHEN d.deadline < now() THEN 'breached' WHEN d.deadline < now() + interval '1 day' THEN 'at-risk' ELSE 'ok' END,
              CASE WHEN d.deadline < now() THEN d.deadline END,
              CASE WHEN d.deadline < now() THEN h.holder END,
              CASE WHEN d.deadline < now() THEN ${unitOf('h.holder')} END,
              CASE WHEN d.deadline < now() THEN 1 + g % 3 ELSE 0 END, false, 1
         FROM generate_series(1::bigint, ${count}) AS g
         JOIN requests r ON r.tracking_code = (100000000000 + g)::text
         CROSS JOIN LATERAL (SELECT ${holder(`g * ${n}`, 'r.district', `r.service_id || '/step-${n}'`)} AS holder) h
         CROSS JOIN LATERAL (SELECT now() + ((((g * 7919 + ${n}) % 480) - 130) || ' hours')::interval AS deadline) d`,
      holderParams,
    );
  }

  // Closed tasks: the steps of ended requests, and an earlier step of some open ones.
  await db.query(
    `INSERT INTO tasks (task_id, tracking_code, service_id, district, step_id, kind, title_fa, title_en, holder,
       holder_title_fa, holder_title_en, holder_unit, holder_department, supervisor, status, opened_at, closed_at,
       deadline, original_deadline, at_risk_at, clock, sla, breached_at, breached_holder, breached_unit,
       escalation_level, on_applicant, outcome, actor, working_minutes, revision)
     SELECT r.tracking_code || '-' || s, r.tracking_code, r.service_id, r.district, 'step-' || s, 'task', 'کار', 'Task',
            h.holder, 'واحد', 'Unit', ${unitOf('h.holder')}, ${departmentOf('h.holder')}, ${headOf('h.holder')},
            'done', t.opened, t.opened + t.took, t.opened + interval '3 days', t.opened + interval '3 days',
            t.opened + interval '2 days', 'working',
            CASE WHEN t.took > interval '3 days' THEN 'breached' ELSE 'ok' END,
            CASE WHEN t.took > interval '3 days' THEN t.opened + interval '3 days' END,
            CASE WHEN t.took > interval '3 days' THEN h.holder END,
            CASE WHEN t.took > interval '3 days' THEN ${unitOf('h.holder')} END,
            CASE WHEN t.took > interval '3 days' THEN 1 ELSE 0 END, false, 'approve', 'office:staff',
            (extract(epoch FROM t.took) / 60 / 3)::int, 1
       FROM requests r
       CROSS JOIN LATERAL generate_series(1, CASE WHEN r.state = 'active' THEN 1 ELSE ${shape.closedPerEnded} END) AS s
       CROSS JOIN LATERAL (SELECT ${holder(`(r.tracking_code::bigint % 1000003) * s`, 'r.district', `r.service_id || '/step-' || s`)} AS holder) h
       CROSS JOIN LATERAL (SELECT r.started_at + ((s - 1) * 2 || ' days')::interval AS opened,
                                  ((r.tracking_code::bigint * s) % 100 || ' hours')::interval AS took) t
      WHERE r.state <> 'active' OR (r.tracking_code::bigint - 100000000000) <= ${shape.openWithDoneStep}`,
    holderParams,
  );

  await db.query(`UPDATE requests r SET sla = 'breached' WHERE state = 'active'
                   AND EXISTS (SELECT 1 FROM tasks t WHERE t.tracking_code = r.tracking_code AND t.status = 'open' AND t.sla = 'breached')`);
  await db.query(
    `INSERT INTO task_holders (task_id, seq, tracking_code, at, holder, holder_title_fa, holder_title_en, how, reason)
     SELECT task_id, 0, tracking_code, opened_at, holder, holder_title_fa, holder_title_en, 'routed', 'by the rule'
       FROM tasks`,
  );
  await db.query(
    `INSERT INTO escalations (tracking_code, seq, task_id, step_id, at, level, action, reason, from_principal,
       to_principal, to_title_fa, to_title_en)
     SELECT tracking_code, row_number() OVER (PARTITION BY tracking_code ORDER BY task_id) - 1, task_id, step_id,
            breached_at, 1, 'supervisor', 'the SLA passed', holder, supervisor, 'رئیس', 'Head'
       FROM tasks WHERE breached_at IS NOT NULL`,
  );
  await db.query('VACUUM ANALYZE');
}
