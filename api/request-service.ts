/**
 * The API's use cases over Temporal: start a request, read its status, list worklists and
 * breaches from visibility, complete a task through the workflow's update. Everything that
 * can be refused is refused here, before the workflow is touched.
 */
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  isGrpcServiceError,
  type Client,
  type WorkflowExecutionInfo,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { checkFormData } from '../lib/definitions/form-schemas';
import type { Organisation } from '../lib/organisation/organisation';
import { PAYMENT_FORM } from '../lib/plan/outcome-titles';
import type { ServicePlan } from '../lib/plan/types';
import { SA } from '../lib/temporal/search-attributes';
import { newTrackingCode, trackingCodeOfTask, workflowIdOf } from '../lib/tracking-code';
import { completeTaskUpdate, planQuery, REJECTION, statusQuery } from '../workflows/messages';
import type { Applicant, OpenTaskSummary, RequestInput, RequestStatus } from '../workflows/types';
import { ProblemError, type ProblemSlug } from './problem';

export interface StartRequest {
  serviceId: string;
  district: string;
  intakeOffice?: string;
  applicant: Applicant;
  data: Record<string, unknown>;
}

export interface TaskListItem extends OpenTaskSummary {
  trackingCode: string;
  serviceId: string;
  district: string;
}

export interface BreachItem extends TaskListItem {
  lateByMs: number;
}

/** The published plans the API starts requests on, by service id and by content hash. */
export interface PlanSource {
  latest(serviceId: string): ServicePlan | undefined;
  byHash(hash: string): ServicePlan | undefined;
  remember(plan: ServicePlan): void;
}

const REJECTION_PROBLEMS: Record<string, ProblemSlug> = {
  [REJECTION.taskNotFound]: 'task-not-found',
  [REJECTION.taskNotOpen]: 'task-not-open',
  [REJECTION.outcomeNotAllowed]: 'outcome-not-allowed',
  [REJECTION.outcomeExhausted]: 'outcome-not-allowed',
};

function isUnavailable(error: unknown): boolean {
  return isGrpcServiceError(error) && [4, 14].includes(error.code);
}

/** Turns Temporal's errors into problems; unknown ones pass through as internal errors. */
function asProblem(error: unknown, trackingCode: string): unknown {
  if (error instanceof WorkflowNotFoundError) {
    return new ProblemError('request-not-found', `No request has tracking code ${trackingCode}.`);
  }
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const slug = REJECTION_PROBLEMS[error.cause.type ?? ''];
    if (slug) return new ProblemError(slug, error.cause.message);
  }
  if (isUnavailable(error))
    return new ProblemError('temporal-unavailable', 'Temporal cannot be reached; try again.');
  return error;
}

export class RequestService {
  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
    private readonly plans: PlanSource,
    private readonly org: Organisation,
  ) {}

  private handle(trackingCode: string) {
    return this.client.workflow.getHandle(workflowIdOf(trackingCode));
  }

  /** Visibility queries are scoped to this deployment's task queue. */
  private scoped(query: string): string {
    return `TaskQueue = '${this.taskQueue}' AND ${query}`;
  }

  async start(request: StartRequest): Promise<{ trackingCode: string; plan: ServicePlan }> {
    const plan = this.plans.latest(request.serviceId);
    if (!plan) throw new ProblemError('unknown-service', `There is no service '${request.serviceId}'.`);
    if (!this.org.district(request.district)) {
      throw new ProblemError('unknown-district', `There is no district '${request.district}'.`);
    }
    const channel = request.intakeOffice ? 'office' : 'online';
    if (!plan.intake.includes(channel)) {
      throw new ProblemError(
        'intake-not-allowed',
        `Service '${plan.serviceId}' starts only ${plan.intake.map((i) => (i === 'office' ? 'at an office' : i)).join(' or ')}.`,
      );
    }
    if (request.intakeOffice) {
      const office = this.org.office(request.intakeOffice);
      const today = new Date().toISOString().slice(0, 10);
      if (!office || !this.org.officeEligible(office, plan.domain, request.district, today)) {
        throw new ProblemError(
          'office-not-eligible',
          `Office '${request.intakeOffice}' has no active licence for ${plan.domain} in district ${request.district}.`,
        );
      }
    }
    if (plan.form) {
      const errors = checkFormData(plan.form, request.data);
      if (errors.length > 0) throw new ProblemError('invalid-form-data', errors.join('; '), { errors });
    }

    for (let attempt = 0; ; attempt++) {
      const trackingCode = newTrackingCode();
      const input: RequestInput = {
        trackingCode,
        plan,
        calendar: this.org.calendar,
        district: request.district,
        channel,
        ...(request.intakeOffice ? { intakeOffice: request.intakeOffice } : {}),
        applicant: request.applicant,
        data: request.data,
      };
      try {
        await this.client.workflow.start('serviceRequest', {
          taskQueue: this.taskQueue,
          workflowId: workflowIdOf(trackingCode),
          args: [input],
          typedSearchAttributes: [
            { key: SA.service, value: plan.serviceId },
            { key: SA.district, value: request.district },
            { key: SA.state, value: 'active' },
            { key: SA.slaState, value: 'ok' },
            { key: SA.definitionVersion, value: plan.version },
          ],
        });
        return { trackingCode, plan };
      } catch (error) {
        // A random code that is already taken: draw another.
        if (error instanceof WorkflowExecutionAlreadyStartedError && attempt < 3) continue;
        throw asProblem(error, trackingCode);
      }
    }
  }

  async status(trackingCode: string): Promise<RequestStatus> {
    try {
      return await this.handle(trackingCode).query(statusQuery);
    } catch (error) {
      throw asProblem(error, trackingCode);
    }
  }

  /** The plan a running request uses, which may be an older version than the latest. */
  private async planOf(status: RequestStatus): Promise<ServicePlan> {
    const known = this.plans.byHash(status.definitionHash);
    if (known) return known;
    const plan = await this.handle(status.trackingCode).query(planQuery);
    this.plans.remember(plan);
    return plan;
  }

  async completeTask(
    taskId: string,
    command: { outcome: string; data?: Record<string, unknown>; actor?: string },
  ): Promise<RequestStatus> {
    const trackingCode = trackingCodeOfTask(taskId);
    if (!trackingCode) throw new ProblemError('invalid-task-id', `'${taskId}' is not a task id.`);
    const status = await this.status(trackingCode).catch((error: unknown) => {
      throw error instanceof ProblemError && error.slug === 'request-not-found'
        ? new ProblemError('task-not-found', `No task ${taskId}: its request does not exist.`)
        : error;
    });
    if (status.state !== 'active') {
      throw new ProblemError('request-not-active', `Request ${trackingCode} has ended (${status.state}).`);
    }
    const task = status.openTasks.find((t) => t.taskId === taskId);
    if (task) {
      const plan = await this.planOf(status);
      const step = plan.steps[task.stepId];
      const form =
        task.kind === 'payment'
          ? PAYMENT_FORM
          : step?.kind === 'task' || step?.kind === 'inquiry'
            ? step.form
            : undefined;
      const data = command.data ?? {};
      const errors = form
        ? checkFormData(form, data)
        : Object.keys(data).length > 0
          ? [`step '${task.stepId}' collects no data`]
          : [];
      if (errors.length > 0) throw new ProblemError('invalid-form-data', errors.join('; '), { errors });
    }
    try {
      return await this.handle(trackingCode).executeUpdate(completeTaskUpdate, {
        args: [
          {
            taskId,
            outcome: command.outcome,
            ...(command.data ? { data: command.data } : {}),
            actor: command.actor ?? task?.assignee.principal ?? 'unknown',
          },
        ],
      });
    } catch (error) {
      throw asProblem(error, trackingCode);
    }
  }

  private async listOpenTasks(
    query: string,
  ): Promise<{ info: WorkflowExecutionInfo; tasks: OpenTaskSummary[] }[]> {
    const found: { info: WorkflowExecutionInfo; tasks: OpenTaskSummary[] }[] = [];
    try {
      for await (const info of this.client.workflow.list({ query: this.scoped(query) })) {
        const tasks = (info.memo?.openTasks as OpenTaskSummary[] | undefined) ?? [];
        found.push({ info, tasks });
      }
    } catch (error) {
      throw isUnavailable(error)
        ? new ProblemError('temporal-unavailable', 'Temporal cannot be reached.')
        : error;
    }
    return found;
  }

  private item(info: WorkflowExecutionInfo, task: OpenTaskSummary): TaskListItem {
    return {
      ...task,
      trackingCode: info.workflowId.replace(/^request-/, ''),
      serviceId: info.typedSearchAttributes.get(SA.service) ?? '',
      district: info.typedSearchAttributes.get(SA.district) ?? '',
    };
  }

  /** Open tasks of an assignee, soonest deadline first. */
  async tasksOf(assignee: string): Promise<TaskListItem[]> {
    const rows = await this.listOpenTasks(
      `ExecutionStatus = 'Running' AND ${SA.assignees.name} = '${assignee}'`,
    );
    return rows
      .flatMap(({ info, tasks }) =>
        tasks
          .filter((t) => t.assignee.principal === assignee || t.assignee.principal.startsWith(`${assignee}/`))
          .map((t) => this.item(info, t)),
      )
      .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.taskId.localeCompare(b.taskId));
  }

  /** Open tasks past their SLA, latest first; optionally only those escalated to someone. */
  async breaches(escalatedTo?: string): Promise<BreachItem[]> {
    const filter = escalatedTo ? ` AND ${SA.escalatedTo.name} = '${escalatedTo}'` : '';
    const rows = await this.listOpenTasks(
      `ExecutionStatus = 'Running' AND ${SA.slaState.name} = 'breached'${filter}`,
    );
    const now = Date.now();
    return rows
      .flatMap(({ info, tasks }) =>
        tasks
          .filter((t) => t.sla === 'breached' && (!escalatedTo || t.escalatedTo.includes(escalatedTo)))
          .map((t) => ({ ...this.item(info, t), lateByMs: Math.max(0, now - Date.parse(t.deadline)) })),
      )
      .sort((a, b) => b.lateByMs - a.lateByMs);
  }
}
