/**
 * The reports the dashboard shows, read side by side for one range: the district × domain
 * grid, the share on time, breaches per week by office and by department, requests started and
 * finished and the backlog per week, time per step, and the SLA state of the open work now.
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
import { useApi } from '../../shared/use-api';
import { rangeOf, type RangeDays } from './dashboard-data';

type Items<T> = ReportRange & { items: T[] };

export function useReports(days: RangeDays) {
  // Counted to the moment the page opened: a re-render asks for the same range.
  const [openedAt] = useState(() => Date.now());
  const range = useMemo(() => rangeOf(days, openedAt), [days, openedAt]);
  const week = query({ ...range, period: 'week' });
  const grid = useApi<Items<DistrictCell>>(`/api/reports/districts${query(range)}`);
  const onTime = useApi<Items<OnTimeRow>>(`/api/reports/on-time${query(range)}`);
  const weekly = useApi<Items<PeriodRow>>(`/api/reports/breaches${week}`);
  const byOffice = useApi<Items<PeriodRow>>(`/api/reports/breaches${week}&by=office`);
  const byDepartment = useApi<Items<PeriodRow>>(`/api/reports/breaches${week}&by=department`);
  const throughput = useApi<Items<ThroughputRow>>(`/api/reports/throughput${week}`);
  const backlog = useApi<Items<{ period: When; open: number }>>(`/api/reports/backlog${week}`);
  const steps = useApi<Items<StepTimeRow>>(`/api/reports/step-times${query(range)}`);
  const now = useApi<{ groups: SummaryGroup[] }>('/api/sla/summary?by=district');
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
    problem: all.find((r) => r.problem)?.problem,
  };
}
