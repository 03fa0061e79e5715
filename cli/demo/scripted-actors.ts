/**
 * Scripted actors: people who do their part of a request through the API, each as whoever holds
 * the work. The office (or the applicant online) starts it with data that fits its form; each
 * open task is completed by its holder's staff with a forward outcome (back round a loop once,
 * never a rejection), an outside agency's answer by the department following it up, a payment
 * by the applicant. The demo seeds its requests with them; the catalog test drives every service.
 */
import type { Claims } from '../../api/auth/claims';
import { claimsOfHolder, staffClaimsFor } from '../../api/auth/staff-claims';
import { cityDate } from '../../lib/calendar/working-time';
import { sampleOf, type Variant } from '../../lib/forms/sample-data';
import type { Organisation } from '../../lib/organisation/organisation';
import type { ServicePlan } from '../../lib/plan/types';

export interface ApiAnswer {
  status: number;
  // Answers are read field by field; the API's schemas are what type them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** One call to the API as someone (or nobody). */
export type Caller = (
  method: 'GET' | 'POST',
  path: string,
  body: unknown,
  who: Claims | null,
  headers?: Record<string, string>,
) => Promise<ApiAnswer>;

interface OpenTask {
  taskId: string;
  step: string;
  kind: string;
  assignee: { principal: string };
  supervisor: { principal: string };
  outcomes: { id: string }[];
  /** A payment task's bill. */
  billId?: string;
}

/** What scripted actors read of a request. */
export interface RequestView {
  trackingCode: string;
  state: string;
  sla: string;
  currentTasks: OpenTask[];
}

/** One action of a scripted actor: the step, the outcome taken, the API's answer. */
interface Action {
  step: string;
  outcome: string;
  answer: ApiAnswer;
  /** Where the request settled, when the answer carries it (staff completing a task). */
  now?: RequestView;
}

/** How long a read of a request is repeated while it is not answered with the request. */
const STATUS_READ_MS = 30_000;

/** Outcomes a scripted actor prefers, where several lead forward. */
const FORWARD = ['approve', 'no-objection', 'done', 'accept', 'accepted', 'issue', 'submit', 'paid'];

type StepOutcomes = Record<string, { next: string | null; maxTimes?: number }>;

/** The outcome that takes a step forward: never back round a loop, never to an end but completion. */
export function forwardOutcome(plan: ServicePlan, stepId: string, offered: string[]): string {
  const step = plan.steps[stepId] as { outcomes?: StepOutcomes } | undefined;
  const outcomes = step?.outcomes ?? {};
  const endsBadly = (id: string) => {
    const next = outcomes[id]?.next;
    const target = next ? (plan.steps[next] as { kind?: string; result?: string } | undefined) : undefined;
    return target?.kind === 'end' && target.result !== 'completed';
  };
  const forward = offered.filter((id) => !endsBadly(id) && outcomes[id]?.maxTimes === undefined);
  return FORWARD.find((id) => forward.includes(id)) ?? forward[0] ?? offered[0] ?? 'done';
}

/** What completing a step says: the outcome, and data that fits the step's form if it has one. */
export function completionOf(
  plan: ServicePlan,
  stepId: string,
  outcome: string,
  variant: Variant = 'least',
): { outcome: string; data?: Record<string, unknown> } {
  const form = (plan.steps[stepId] as { form?: Record<string, unknown> } | undefined)?.form;
  const data = sampleOf(form, variant) as Record<string, unknown> | undefined;
  return { outcome, ...(data && Object.keys(data).length > 0 ? { data } : {}) };
}

export class ScriptedActors {
  private readonly looped = new Set<string>();

  constructor(
    private readonly call: Caller,
    private readonly org: Organisation,
    /** Who reads requests to see where they are: a manager. */
    private readonly reader: Claims,
    /** Which data the actors fill in, and so which branches they take. */
    private readonly variant: Variant = 'least',
    private readonly today = cityDate(org.calendar, Date.now()),
  ) {}

  /** A district with an office licensed for the service (the preferred one when it has one). */
  placeFor(plan: ServicePlan, preferred?: string): { district: string; office?: string } {
    const districts = this.org.districtIds();
    const order = preferred ? [preferred, ...districts.filter((d) => d !== preferred)] : districts;
    for (const district of order) {
      const office = this.org.eligibleOffices(plan.domain, district, this.today, plan.serviceId)[0];
      if (office) return { district, office: office.id };
    }
    return { district: preferred ?? districts[0] ?? 'd01' };
  }

  /**
   * Starts a request of the service the way its intake allows: at an office's desk when it can,
   * else online or at a department. `received` registers it as received earlier, where staff
   * take it in (an applicant online cannot backdate).
   */
  async start(
    plan: ServicePlan,
    options: { district?: string; key?: string; received?: { at: string; reason: string } } = {},
  ): Promise<ApiAnswer> {
    const place = this.placeFor(plan, options.district);
    const channel = plan.intake.includes('office') && place.office ? 'office' : plan.intake[0];
    const who: Claims | null =
      channel === 'office'
        ? staffClaimsFor(`office:${place.office ?? ''}`)
        : channel === 'department'
          ? staffClaimsFor(`department:${place.district}.urban-planning`)
          : null;
    return this.call(
      'POST',
      '/api/requests',
      {
        serviceId: plan.serviceId,
        district: place.district,
        ...(channel === 'office' ? {} : { channel }),
        applicant: { name: 'Sample applicant', nationalId: '0012345678', mobile: '09121234567' },
        data: sampleOf(plan.form, this.variant) ?? {},
        ...(options.received && who ? { received: options.received } : {}),
      },
      who,
      options.key ? { 'idempotency-key': options.key } : {},
    );
  }

  /**
   * The request as its reader sees it. A read that is not answered with the request (the
   * instance that held it went away, Temporal was busy) is read again for a while, so a driver
   * never takes a problem for the request; past that it says what it was answered.
   */
  async status(code: string): Promise<RequestView> {
    const deadline = Date.now() + STATUS_READ_MS;
    for (;;) {
      const answer = await this.call('GET', `/api/requests/${code}`, undefined, this.reader);
      if (answer.status === 200) return answer.body as RequestView;
      if (Date.now() > deadline)
        throw new Error(`reading request ${code} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  /** The outcome a scripted actor takes: back round a loop once, otherwise forward. */
  outcomeFor(plan: ServicePlan, code: string, stepId: string, offered: string[]): string {
    const step = plan.steps[stepId] as { outcomes?: StepOutcomes } | undefined;
    const outcomes = step?.outcomes ?? {};
    const key = `${code}/${stepId}`;
    const loop = offered.find((id) => outcomes[id]?.maxTimes !== undefined && !this.looped.has(key));
    if (loop) {
      this.looped.add(key);
      return loop;
    }
    return forwardOutcome(plan, stepId, offered);
  }

  /** Does the first open task of a request as its holder; answers the call's result. */
  async act(plan: ServicePlan, code: string, status: RequestView): Promise<Action | undefined> {
    const task = status.currentTasks[0];
    if (!task) return undefined;
    const principal = task.assignee.principal;
    if (task.kind === 'payment') {
      const applicant = staffClaimsFor(`applicant:${code}`);
      return {
        step: task.step,
        outcome: 'paid',
        answer: await this.call(
          'POST',
          `/api/requests/${code}/payments`,
          { billId: task.billId, receipt: `R-${code}` },
          applicant,
        ),
      };
    }
    const outcome = this.outcomeFor(
      plan,
      code,
      task.step,
      task.outcomes.map((o) => o.id),
    );
    const body = completionOf(plan, task.step, outcome, this.variant);
    if (principal.startsWith('applicant:'))
      return {
        step: task.step,
        outcome,
        answer: await this.call('POST', `/api/requests/${code}/documents`, body, staffClaimsFor(principal)),
      };
    const answer = await this.call('POST', `/api/tasks/${task.taskId}/complete`, body, claimsOfHolder(task));
    // Staff are answered with where the request settled: its open tasks, no need to read it again.
    return {
      step: task.step,
      outcome,
      answer,
      ...(answer.status === 200 ? { now: answer.body as RequestView } : {}),
    };
  }

  /**
   * Drives a request forward by up to `actions` actions (all the way with Infinity), waiting out
   * automatic steps; stops at the first refusal. Answers the last status read.
   */
  async drive(plan: ServicePlan, code: string, actions = Infinity) {
    let status = await this.status(code);
    for (let done = 0, idle = 0; status.state === 'active' && done < actions && idle < 50;) {
      const acted = await this.act(plan, code, status);
      if (!acted) {
        idle++;
        await new Promise((resolve) => setTimeout(resolve, 200));
      } else if (acted.answer.status !== 200 && acted.answer.status !== 202) {
        // 202: the request did not answer within the API's wait; the action was passed on, and
        // the request read next shows whether it is done (acting again repeats the same key).
        return { status, refused: acted };
      } else {
        done++;
      }
      status = acted?.now ?? (await this.status(code));
    }
    return { status, refused: undefined };
  }
}
