/**
 * A request as staff read it (GET /api/requests/{code}), its history, and the plan of the
 * version it runs on (its forms, documents and outcomes), read together for a page.
 */
import type { HistoryEntry, RequestStatus } from '../../shared/api/types';
import { usePlan } from '../../shared/catalog';
import { useApi } from '../../shared/use-api';

export function useRequest(code: string | undefined) {
  const status = useApi<RequestStatus>(code ? `/api/requests/${code}` : undefined);
  const history = useApi<{ items: HistoryEntry[] }>(code ? `/api/requests/${code}/history` : undefined);
  const { plan, problem: planProblem } = usePlan(status.data?.service.id, status.data?.service.version);
  const reload = () => {
    status.reload();
    history.reload();
  };
  return { status, history, plan, planProblem, reload };
}

/** The request a task belongs to: a task id is its request's tracking code, a dash, a number. */
export const codeOfTask = (taskId: string): string | undefined => /^([0-9]{12})-[0-9]+$/.exec(taskId)?.[1];
