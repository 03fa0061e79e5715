/**
 * The worklist's filters, kept in the page's address so a reload or a shared link shows the
 * same list, and the API call they make (GET /api/tasks, soonest deadline first).
 */
import type { SlaState } from '../../shared/api/types';
import { query } from '../../shared/api/client';

export type View = 'pool' | 'mine' | 'all' | 'escalated';

export interface WorklistFilters {
  view: View;
  service?: string;
  district?: string;
  step?: string;
  sla?: SlaState;
  /** A tracking code or a national id. */
  q?: string;
  page: number;
}

export const PAGE_SIZE = 50;
const VIEWS: View[] = ['pool', 'mine', 'all', 'escalated'];
const SLAS: SlaState[] = ['ok', 'at-risk', 'breached'];

export function filtersFrom(params: URLSearchParams): WorklistFilters {
  const view = params.get('view') as View | null;
  const sla = params.get('sla') as SlaState | null;
  const page = Number(params.get('page') ?? 1);
  const text = (name: string) => params.get(name) || undefined;
  return {
    view: view && VIEWS.includes(view) ? view : 'pool',
    ...(text('service') ? { service: text('service') } : {}),
    ...(text('district') ? { district: text('district') } : {}),
    ...(text('step') ? { step: text('step') } : {}),
    ...(sla && SLAS.includes(sla) ? { sla } : {}),
    ...(text('q') ? { q: text('q') } : {}),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function paramsOf(filters: WorklistFilters): Record<string, string> {
  const out: Record<string, string> = { view: filters.view };
  for (const key of ['service', 'district', 'step', 'sla', 'q'] as const) {
    const value = filters[key];
    if (value) out[key] = value;
  }
  if (filters.page > 1) out.page = String(filters.page);
  return out;
}

/** The call: the escalated view asks for what was escalated to the caller's unit. */
export function worklistPath(filters: WorklistFilters): string {
  return `/api/tasks${query({
    ...(filters.view === 'escalated' ? { escalated: 'mine' } : { view: filters.view }),
    service: filters.service,
    district: filters.district,
    step: filters.step,
    sla: filters.sla,
    q: filters.q,
    sort: 'deadline',
    page: filters.page,
    pageSize: PAGE_SIZE,
  })}`;
}

/** A tracking code (12 digits) or a national id (10 digits), as the search takes them. */
export const isSearchTerm = (text: string): boolean => /^([0-9]{12}|[0-9]{10})$/.test(text);
