/**
 * A year of a city's work, written into the work store as the workflows write it (one
 * WorkWriter.write per request, with its request, task, holder, journal and escalation rows):
 * requests of every published service, spread over the districts and the year's working days,
 * each taken in at an office serving its district and walked through its service's steps, each
 * step taking about its SLA (some longer: those breach, and their ladders climb a rung). Those
 * started in the last weeks are still open. The dashboard's bench reads it back.
 */
import { clockFor } from '../lib/calendar/clock';
import { cityDate } from '../lib/calendar/working-time';
import type { ResolvedCalendar } from '../lib/calendar/working-time';
import { statusOn } from '../lib/organisation/licences';
import type { Organisation } from '../lib/organisation/organisation';
import type { PlanStep, ServicePlan } from '../lib/plan/types';
import type { WorkWriter } from '../store/work-writer';
import { unitOf, type TaskRow, type WorkChanges } from '../workflows/work-rows';

const DAY_MS = 86_400_000;
const YEAR_DAYS = 365;

/** A seeded pseudo-random source, so two runs write the same city. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

type WorkStep = Extract<PlanStep, { kind: 'task' | 'inquiry' | 'payment' }>;
const isWork = (step: PlanStep): step is WorkStep =>
  step.kind === 'task' || step.kind === 'inquiry' || step.kind === 'payment';

interface Holder {
  principal: string;
  title: { fa: string; en: string };
}

/** Who holds a step: the intake office, a district's (or the city's) department, the treasury, an agency. */
function holderOf(step: WorkStep, district: string, office: Holder, org: Organisation): Holder {
  if (step.kind === 'payment')
    return { principal: 'department:treasury', title: org.department('treasury')?.title ?? office.title };
  if (step.kind === 'inquiry') {
    const agency = org.agency(step.agency);
    return { principal: `agency:${step.agency}`, title: agency?.title ?? office.title };
  }
  const assignee = step.assignee;
  if (assignee.type === 'department') {
    const department = org.department(assignee.department);
    if (department) {
      const unit = department.perDistrict ? `${district}.${department.id}` : department.id;
      return {
        principal: `department:${unit}${assignee.role && assignee.role !== 'head' ? `/${assignee.role}` : ''}`,
        title: department.title,
      };
    }
  }
  return office;
}

export interface HistoryOptions {
  requests: number;
  now: number;
  seed?: number;
}

/** Writes a year of requests; answers how many requests and tasks were written. */
export async function seedCityHistory(
  writer: WorkWriter,
  org: Organisation,
  plans: ServicePlan[],
  calendar: ResolvedCalendar,
  options: HistoryOptions,
): Promise<{ requests: number; tasks: number }> {
  const next = random(options.seed ?? 1405);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const working = clockFor('working', calendar);
  const districts = org.districtIds();
  // Only offices the routing rule may give work to: a suspended or lapsed licence holds none.
  const today = cityDate(calendar, options.now);
  const offices = org.allOffices().filter((o) => statusOn(org.licenceOf(o), today) === 'active');
  const start = options.now - YEAR_DAYS * DAY_MS;
  let tasks = 0;

  for (let n = 0; n < options.requests; n++) {
    const plan = pick(plans);
    const district = pick(districts);
    const serving = offices.filter((o) => o.districts.includes(district));
    const office = pick(serving.length ? serving : offices);
    const officeHolder = { principal: `office:${office.id}`, title: office.title };
    const code = String(100_000_000_000 + n);
    const startedAt = start + Math.floor(((n + next()) / options.requests) * YEAR_DAYS * DAY_MS);
    const steps = Object.values(plan.steps).filter(isWork);
    const rows: TaskRow[] = [];
    let at = startedAt;
    let open = false;
    for (const [i, step] of steps.entries()) {
      const holder = holderOf(step, district, officeHolder, org);
      const slaClock = clockFor(step.sla.clock, calendar);
      const deadline = slaClock.add(at, step.sla.duration);
      // Most steps finish within their SLA; about one in six takes up to twice as long.
      const share = next() < 0.16 ? 1 + next() : 0.2 + next() * 0.75;
      const closedAt = at + Math.max(60_000, Math.round((deadline - at) * share));
      const done = closedAt <= options.now;
      const breached = (done ? closedAt : options.now) > deadline;
      const unit = unitOf(holder.principal);
      rows.push({
        taskId: `${code}-${i + 1}`,
        trackingCode: code,
        serviceId: plan.serviceId,
        district,
        stepId: step.id,
        kind: step.kind,
        title: step.title,
        holder,
        holderUnit: unit.unit,
        holderDepartment: unit.department,
        supervisor: `head:${unit.unit ?? office.id}`,
        claimedBy: null,
        claimedAt: null,
        status: done ? 'done' : 'open',
        openedAt: new Date(at).toISOString(),
        closedAt: done ? new Date(closedAt).toISOString() : null,
        deadline: new Date(deadline).toISOString(),
        originalDeadline: new Date(deadline).toISOString(),
        atRiskAt: new Date(at + (deadline - at) * 0.8).toISOString(),
        statutoryDeadline: null,
        clock: step.sla.clock,
        sla: breached ? 'breached' : 'ok',
        breachedAt: breached ? new Date(deadline).toISOString() : null,
        breachedHolder: breached ? holder.principal : null,
        breachedUnit: breached ? unit.unit : null,
        escalationLevel: breached ? 1 : 0,
        onApplicant: false,
        outcome: done ? 'done' : null,
        actor: done ? 'bench' : null,
        note: null,
        workingMinutes: done ? Math.round(working.between(at, closedAt) / 60_000) : null,
      });
      if (!done) {
        open = true;
        break;
      }
      at = closedAt;
    }
    const last = rows.at(-1);
    const target = clockFor(plan.sla.clock, calendar).add(startedAt, plan.sla.duration);
    const changes: WorkChanges = {
      trackingCode: code,
      revision: 1,
      request: {
        trackingCode: code,
        serviceId: plan.serviceId,
        serviceTitle: plan.title,
        domain: plan.domain,
        definitionVersion: plan.version,
        district,
        channel: 'office',
        intakeOffice: office.id,
        office: office.id,
        officeHow: 'walk-in',
        state: open ? 'active' : next() < 0.9 ? 'completed' : 'rejected',
        sla: rows.some((r) => r.sla === 'breached') ? 'breached' : 'ok',
        startedAt: new Date(startedAt).toISOString(),
        endedAt: open || !last?.closedAt ? null : last.closedAt,
        targetDeadline: new Date(target).toISOString(),
        statutoryDeadline: null,
        suspendedSince: null,
        receivedAt: null,
      },
      tasks: rows,
      holders: rows.map((r) => ({
        taskId: r.taskId,
        seq: 0,
        trackingCode: code,
        at: r.openedAt,
        holder: r.holder,
        how: 'routed' as const,
        reason: '',
        decision: null,
      })),
      events: rows
        .filter((r) => r.closedAt)
        .map((r, seq) => ({
          seq,
          at: r.closedAt ?? r.openedAt,
          kind: r.kind,
          stepId: r.stepId,
          title: r.title,
          taskId: r.taskId,
          outcome: r.outcome,
          actor: r.actor,
          note: null,
        })),
      escalations: rows
        .filter((r) => r.breachedAt)
        .map((r, seq) => ({
          seq,
          taskId: r.taskId,
          stepId: r.stepId,
          at: r.breachedAt ?? r.deadline,
          level: 1,
          action: 'alert',
          reason: 'past its deadline',
          from: r.holder.principal,
          to: { principal: r.supervisor, title: r.holder.title },
        })),
    };
    await writer.write(changes);
    tasks += rows.length;
  }
  return { requests: options.requests, tasks };
}
