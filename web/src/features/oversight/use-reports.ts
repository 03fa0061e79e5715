/**
 * The reports the dashboard shows for one range: first the district × domain grid, the share on
 * time and the SLA state of the open work now (the first view); then breaches per week by office
 * and by department, requests started and finished and the backlog per week, and time per step.
 */
import { useMemo, useState } from 'react';
import { query } from '../../shared/api/client';
import type {
  DistrictCell,
  OnTimeRow,
  PeriodRow,
  ReportRange,
  StepTimeRow,
  SummaryGroup,
  ThroughputRow,
} from '../../shared/api/oversight-types';
import type { When } from '../../shared/api/types';
import { useAfterPaint } from '../../shared/use-after-paint';
import { useApi } from '../../shared/use-api';
import { rangeOf, type RangeChoice } from './dashboard-data';

type Items<T> = ReportRange & { items: T[] };

/** What the first view reads: the district grid, the share on time, and the open work now. */
export function firstViewPaths(range: { from: string; to: string }) {
  return {
    grid: `/api/reports/districts${query(range)}`,
    onTime: `/api/reports/on-time${query(range)}`,
    now: '/api/sla/summary?by=district',
  };
}

export function useReports(choice: RangeChoice) {
  // Counted to the moment the page opened: a re-render asks for the same range.
  const [openedAt] = useState(() => Date.now());
  const range = useMemo(() => rangeOf(choice, openedAt), [choice, openedAt]);
  const week = query({ ...range, period: 'week' });
  const first = firstViewPaths(range);
  const grid = useApi<Items<DistrictCell>>(first.grid);
  const onTime = useApi<Items<OnTimeRow>>(first.onTime);
  const now = useApi<{ groups: SummaryGroup[] }>(first.now);
  // What the first view shows is asked for first; the charts below it once the first view is on
  // screen, so neither the store nor the browser works on them while it is drawn.
  const firstViewShown = useAfterPaint(Boolean(grid.data && onTime.data && now.data));
  const later = (path: string) => (firstViewShown ? path : undefined);
  const weekly = useApi<Items<PeriodRow>>(later(`/api/reports/breaches${week}`));
  const byOffice = useApi<Items<PeriodRow>>(later(`/api/reports/breaches${week}&by=office`));
  const byDepartment = useApi<Items<PeriodRow>>(later(`/api/reports/breaches${week}&by=department`));
  const throughput = useApi<Items<ThroughputRow>>(later(`/api/reports/throughput${week}`));
  const backlog = useApi<Items<{ period: When; open: number }>>(later(`/api/reports/backlog${week}`));
  const steps = useApi<Items<StepTimeRow>>(later(`/api/reports/step-times${query(range)}`));
  const all = [grid, onTime, weekly, byOffice, byDepartment, throughput, backlog, steps, now];
  return {
    grid,
    onTime,
    weekly,
    byOffice,
    byDepartment,
    throughput,
    backlog,
    steps,
    now,
    firstViewShown,
    problem: all.find((r) => r.problem)?.problem,
  };
}
