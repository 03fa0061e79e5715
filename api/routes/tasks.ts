/**
 * Worklists and the life of a task: claim it, give it back, complete it, or (a manager) move it.
 * Who acts is the signed-in person; which holder they act for is worked out from their binding.
 */
import { Router } from 'express';
import type { RequestStatus } from '../../workflows/types';
import * as answer from '../answers';
import { actingFor, actorName, type Actor } from '../auth/actor';
import type { ApiContext } from '../context';
import type { Call } from '../operation';
import { ProblemError } from '../problem';
import { completeTaskBody, pathText, reassignBody, worklistQuery } from '../schemas';
import { idempotencyKey } from '../validation';
import type { WorklistQuery } from '../work-queries';

const taskId = { taskId: pathText };
const taskProblems = ['invalid-task-id', 'task-not-found', 'task-not-open', 'request-not-active'] as const;

export function taskRoutes(ctx: ApiContext): Router {
  const router = Router();
  const { registry, requests, present, org, work } = ctx;
  const tag = 'Tasks';

  /** The request of a task, read from the request itself; one that is not there means no such task. */
  async function requestOfTask(id: string, trackingCode: string): Promise<RequestStatus> {
    return requests.status(trackingCode).catch((error: unknown) => {
      if (error instanceof ProblemError && error.slug === 'request-not-found')
        throw new ProblemError('task-not-found', `There is no task ${id}.`);
      throw error;
    });
  }

  /**
   * The task an action aims at, named in the audit by its request. The action goes straight to
   * the request's workflow, whose validator decides with whom the caller acts for: one round trip.
   */
  function aimedAt(call: Call): string {
    const id = String(call.params.taskId);
    call.target.trackingCode = requests.codeOfTask(id);
    return id;
  }

  registry.mount(
    router,
    {
      id: 'listTasks',
      method: 'get',
      path: '/api/tasks',
      tag,
      summary: 'A worklist',
      description:
        "Office and department staff get their own holder's open tasks (`view=pool` for the unclaimed, `view=mine` for what they claimed; a head's `escalated=mine` for what was escalated to their unit, whoever holds it); managers, inspectors and admins read anyone's with `assignee`, or all. `q` finds a request's tasks by tracking code or by the applicant's national id. Read from the work store: sorted by deadline, filtered, counted and paged on the server; the counts are of the whole list before the SLA state and claim filters.",
      access: ['office', 'department', 'manager', 'inspector', 'admin'],
      query: worklistQuery,
      responses: { 200: { description: 'One page of the worklist', schema: answer.worklist } },
    },
    async (call) => {
      const q = call.query;
      const query: WorklistQuery = {
        ...(q.assignee ? { assignee: q.assignee } : {}),
        ...(q.service ? { service: q.service } : {}),
        ...(q.district ? { district: q.district } : {}),
        ...(q.step ? { step: q.step } : {}),
        ...(q.sla ? { sla: q.sla as WorklistQuery['sla'] } : {}),
        ...(q.q ? { q: q.q } : {}),
        ...(q.escalated === 'mine' ? { escalatedToMe: true } : {}),
        view: (q.view as WorklistQuery['view']) ?? 'all',
        sort: (q.sort as WorklistQuery['sort']) ?? 'deadline',
        page: Number(q.page ?? 1),
        pageSize: Number(q.pageSize ?? 20),
      };
      const result = await work.worklist(call.actor as Actor, query);
      const now = Date.now();
      return {
        body: {
          total: result.total,
          page: query.page,
          pageSize: query.pageSize,
          items: result.items.map((item) => present.workItem(item, now)),
          counts: result.counts,
        },
      };
    },
  );

  registry.mount(
    router,
    {
      id: 'claimTask',
      waits: true,
      method: 'post',
      path: '/api/tasks/{taskId}/claim',
      tag,
      summary: 'Claim a task of your pool',
      description: 'Until it is completed or given back, nobody else of the holder may complete it.',
      access: ['office', 'department'],
      params: taskId,
      responses: { 200: { description: 'The request after the claim', schema: answer.requestSummary } },
      problems: [...taskProblems, 'not-assignee', 'task-claimed'],
    },
    async (call) => {
      const actor = call.actor as Actor;
      const id = aimedAt(call);
      return { body: present.summary(await requests.claim(id, actorName(actor), actingFor(actor, org))) };
    },
  );

  registry.mount(
    router,
    {
      id: 'returnTask',
      waits: true,
      method: 'post',
      path: '/api/tasks/{taskId}/return',
      tag,
      summary: 'Give a claimed task back to the pool',
      description: 'The person who claimed it, or a manager.',
      access: ['office', 'department', 'manager'],
      params: taskId,
      responses: { 200: { description: 'The request after the return', schema: answer.requestSummary } },
      problems: [...taskProblems, 'task-claimed', 'task-not-claimed'],
    },
    async (call) => {
      const actor = call.actor as Actor;
      const id = aimedAt(call);
      const force = actor.role === 'manager';
      const acting = force ? undefined : actingFor(actor, org);
      return { body: present.summary(await requests.giveBack(id, actorName(actor), force, acting)) };
    },
  );

  registry.mount(
    router,
    {
      id: 'completeTask',
      waits: true,
      method: 'post',
      path: '/api/tasks/{taskId}/complete',
      tag,
      summary: 'Complete a task with one of its outcomes',
      access: ['office', 'department'],
      params: taskId,
      body: completeTaskBody,
      idempotent: true,
      responses: {
        200: { description: 'The request, settled in its next state', schema: answer.requestSummary },
      },
      problems: [...taskProblems, 'not-assignee', 'task-claimed', 'outcome-not-allowed', 'invalid-form-data'],
    },
    async (call) => {
      const actor = call.actor as Actor;
      const id = aimedAt(call);
      const body = call.body as { outcome: string; data?: Record<string, unknown> };
      const command = { ...body, actor: actorName(actor), acting: actingFor(actor, org) };
      return { body: present.summary(await requests.completeTask(id, command, idempotencyKey(call.req))) };
    },
  );

  registry.mount(
    router,
    {
      id: 'reassignTask',
      waits: true,
      method: 'post',
      path: '/api/tasks/{taskId}/reassign',
      tag,
      summary: 'Move a task to another office or department',
      description:
        'Managers and inspectors; an office must be eligible for the request. The reason is kept on the task and in its history.',
      access: ['manager', 'inspector'],
      params: taskId,
      body: reassignBody,
      responses: { 200: { description: 'The request after the move', schema: answer.requestSummary } },
      problems: [...taskProblems, 'office-not-eligible', 'task-cannot-move'],
    },
    async (call) => {
      const actor = call.actor as Actor;
      const id = aimedAt(call);
      const trackingCode = requests.codeOfTask(id);
      const { to, reason } = call.body as { to: string; reason: string };
      // Where the request belongs never changes: the store knows it, so the move is one round trip.
      // A request the store does not hold yet is asked.
      const place =
        (await work.requestPlace(trackingCode)) ?? requests.placeOf(await requestOfTask(id, trackingCode));
      const assignment = await requests.assignmentFor(to, place);
      return { body: present.summary(await requests.reassign(id, assignment, reason, actorName(actor))) };
    },
  );

  return router;
}
