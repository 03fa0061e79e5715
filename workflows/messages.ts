/**
 * The messages a request's workflow answers: the status query and the task-completion update.
 * Shared by the workflow and its callers, so names and types cannot drift apart.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ServicePlan } from '../lib/plan/types';
import type { CompleteTaskInput, RequestStatus } from './types';

export const statusQuery = defineQuery<RequestStatus>('status');

/** The execution plan the request runs on: the definition version it started with. */
export const planQuery = defineQuery<ServicePlan>('plan');

/** Completes an open task with one of its outcomes; answers the request's new status. */
export const completeTaskUpdate = defineUpdate<RequestStatus, [CompleteTaskInput]>('completeTask');

/** Failure types a rejected update carries, so callers can answer precisely. */
export const REJECTION = {
  taskNotFound: 'TaskNotFound',
  taskNotOpen: 'TaskNotOpen',
  outcomeNotAllowed: 'OutcomeNotAllowed',
  outcomeExhausted: 'OutcomeExhausted',
} as const;
