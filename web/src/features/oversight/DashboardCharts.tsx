/**
 * The dashboard's other charts: breaches by office and by department (counted against who held
 * the task when it breached), weekly trends (breaches, requests started and finished, the backlog)
 * and the slowest steps by median working hours.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeriodRow, StepTimeRow, ThroughputRow } from '../../shared/api/oversight-types';
import type { When } from '../../shared/api/types';
import { Chart, directedAxes } from '../../shared/charts/Chart';
import { titleOf, useDirectory } from '../../shared/directory';
import { useFormat } from '../../shared/format';
import { totalsByGroup, totalsByPeriod } from './dashboard-data';

const TOP = 10;
const COLOUR = { done: '#0b5d59', late: '#a4161a', started: '#1a5fb4', open: '#7a4b00' } as const;

export function BreachesByUnit({
  kind,
  rows,
}: {
  kind: 'office' | 'department';
  rows: PeriodRow[] | undefined;
}) {
  const { t } = useTranslation();
  const { title, number, language } = useFormat();
  const directory = useDirectory();
  const top = useMemo(() => totalsByGroup(rows ?? []).slice(0, TOP), [rows]);
  const names = top.map((row) => title(titleOf(directory, kind, row.group)));
  const option = useMemo(
    () => ({
      color: [COLOUR.late],
      tooltip: { trigger: 'axis' },
      grid: { top: 10, bottom: 30, left: language === 'fa' ? 20 : 160, right: language === 'fa' ? 160 : 20 },
      ...directedAxes(language === 'fa', names, true),
      series: [{ type: 'bar', data: top.map((row) => row.count), name: t('dashboard.districts.breaches') }],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [top, language, directory],
  );
  return (
    <section aria-labelledby={`by-${kind}-heading`} className="card">
      <h2 id={`by-${kind}-heading`}>{t(`dashboard.by.${kind}`)}</h2>
      {top.length === 0 ? (
        <p className="empty">{t('dashboard.none')}</p>
      ) : (
        <Chart
          id={`by-${kind}`}
          caption={t(`dashboard.by.${kind}Caption`, { n: number(top.length) })}
          option={option}
          height={Math.max(160, top.length * 26 + 40)}
          table={{
            columns: [t(`dashboard.by.${kind}Column`), t('dashboard.districts.breaches')],
            rows: top.map((row, i) => [names[i] ?? row.group, number(row.count)]),
          }}
        />
      )}
    </section>
  );
}

export function WeeklyTrends(props: {
  breaches: PeriodRow[] | undefined;
  throughput: ThroughputRow[] | undefined;
  backlog: { period: When; open: number }[] | undefined;
}) {
  const { t } = useTranslation();
  const { number, day, language } = useFormat();
  const weeks = useMemo(() => {
    const breaches = totalsByPeriod(props.breaches ?? []);
    const started = new Map((props.throughput ?? []).map((row) => [row.period.at, row]));
    const open = new Map((props.backlog ?? []).map((row) => [row.period.at, row.open]));
    const all = new Map<string, When>();
    for (const row of [...(props.breaches ?? []), ...(props.throughput ?? []), ...(props.backlog ?? [])])
      all.set(row.period.at, row.period);
    return [...all.values()]
      .sort((a, b) => a.at.localeCompare(b.at))
      .map((week) => ({
        week,
        breaches: breaches.get(week.at) ?? 0,
        started: started.get(week.at)?.started ?? 0,
        finished: started.get(week.at)?.finished ?? 0,
        open: open.get(week.at) ?? 0,
      }));
  }, [props.breaches, props.throughput, props.backlog]);
  const rtl = language === 'fa';
  const labels = weeks.map((w) => day(w.week));
  const series = ['breaches', 'started', 'finished'] as const;
  const trend = useMemo(
    () => ({
      color: [COLOUR.late, COLOUR.started, COLOUR.done],
      tooltip: { trigger: 'axis' },
      legend: { top: 0, right: rtl ? 0 : undefined, left: rtl ? undefined : 0 },
      grid: { top: 36, bottom: 30, left: 50, right: 50 },
      ...directedAxes(rtl, labels),
      series: series.map((key) => ({
        type: 'line',
        name: t(`dashboard.trends.${key}`),
        data: weeks.map((w) => w[key]),
      })),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [weeks, rtl],
  );
  const backlog = useMemo(
    () => ({
      color: [COLOUR.open],
      tooltip: { trigger: 'axis' },
      grid: { top: 10, bottom: 30, left: 50, right: 50 },
      ...directedAxes(rtl, labels),
      series: [
        { type: 'line', areaStyle: {}, name: t('dashboard.trends.open'), data: weeks.map((w) => w.open) },
      ],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [weeks, rtl],
  );
  if (weeks.length === 0) return null;
  return (
    <div className="columns charts">
      <section aria-labelledby="trends-heading" className="card">
        <h2 id="trends-heading">{t('dashboard.trends.title')}</h2>
        <Chart
          id="trends"
          caption={t('dashboard.trends.caption')}
          option={trend}
          table={{
            columns: [t('dashboard.trends.week'), ...series.map((key) => t(`dashboard.trends.${key}`))],
            rows: weeks.map((w, i) => [labels[i] ?? '', ...series.map((key) => number(w[key]))]),
          }}
        />
      </section>
      <section aria-labelledby="backlog-heading" className="card">
        <h2 id="backlog-heading">{t('dashboard.backlog.title')}</h2>
        <Chart
          id="backlog"
          caption={t('dashboard.backlog.caption')}
          option={backlog}
          table={{
            columns: [t('dashboard.trends.week'), t('dashboard.trends.open')],
            rows: weeks.map((w, i) => [labels[i] ?? '', number(w.open)]),
          }}
        />
      </section>
    </div>
  );
}

export function StepTimes({ rows }: { rows: StepTimeRow[] | undefined }) {
  const { t } = useTranslation();
  const { title, number, language } = useFormat();
  const directory = useDirectory();
  const slowest = useMemo(
    () => [...(rows ?? [])].sort((a, b) => b.workingHours.median - a.workingHours.median).slice(0, TOP),
    [rows],
  );
  const names = slowest.map((row) => title(row.stepTitle));
  const services = slowest.map((row) => title(titleOf(directory, 'service', row.serviceId)));
  const option = useMemo(
    () => ({
      color: [COLOUR.started, COLOUR.open],
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { top: 36, bottom: 30, left: language === 'fa' ? 20 : 200, right: language === 'fa' ? 200 : 20 },
      ...directedAxes(language === 'fa', names, true),
      series: [
        { type: 'bar', name: t('dashboard.steps.median'), data: slowest.map((r) => r.workingHours.median) },
        { type: 'bar', name: t('dashboard.steps.p90'), data: slowest.map((r) => r.workingHours.p90) },
      ],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [slowest, language],
  );
  return (
    <section aria-labelledby="steps-heading" className="card">
      <h2 id="steps-heading">{t('dashboard.steps.title')}</h2>
      {slowest.length === 0 ? (
        <p className="empty">{t('dashboard.none')}</p>
      ) : (
        <Chart
          id="steps"
          caption={t('dashboard.steps.caption', { n: number(slowest.length) })}
          option={option}
          height={Math.max(200, slowest.length * 34 + 60)}
          table={{
            columns: [
              t('dashboard.steps.step'),
              t('dashboard.steps.service'),
              t('dashboard.steps.done'),
              t('dashboard.steps.median'),
              t('dashboard.steps.p90'),
              t('dashboard.steps.elapsed'),
            ],
            rows: slowest.map((row, i) => [
              names[i] ?? row.stepId,
              services[i] ?? row.serviceId,
              number(row.done),
              number(row.workingHours.median),
              number(row.workingHours.p90),
              number(row.elapsedHours.median),
            ]),
          }}
        />
      )}
    </section>
  );
}
