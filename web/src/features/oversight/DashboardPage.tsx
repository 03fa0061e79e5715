/**
 * The managers' and inspectors' dashboard: the share on time, what breached where (districts ×
 * domains, offices, departments), weekly trends, the backlog and time per step, over a chosen
 * range. Each chart has its numbers as a table; each district leads to its breaches.
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading, PageHeading } from '../../shared/components/Page';
import { ProblemAlert } from '../../shared/components/ProblemAlert';
import { useFormat } from '../../shared/format';
import { OversightNav } from './OversightNav';
import { RangePicker, useRangeChoice } from './RangePicker';
import { useReports } from './use-reports';
import { DistrictGrid } from './DistrictGrid';
import { percent } from './dashboard-data';

// The charts below the first view carry ECharts: they load once the first view is on screen.
const charts = () => import('./DashboardCharts');
const BreachesByUnit = lazy(() => charts().then((m) => ({ default: m.BreachesByUnit })));
const WeeklyTrends = lazy(() => charts().then((m) => ({ default: m.WeeklyTrends })));
const StepTimes = lazy(() => charts().then((m) => ({ default: m.StepTimes })));

function Figures({ reports }: { reports: ReturnType<typeof useReports> }) {
  const { t } = useTranslation();
  const { digits, number } = useFormat();
  const all = reports.onTime.data?.items[0];
  const rate = all ? percent(all.tasksOnTime, all.tasksDone) : undefined;
  const breaches = (reports.grid.data?.items ?? []).reduce((sum, c) => sum + c.breaches, 0);
  const groups = reports.now.data?.groups ?? [];
  const open = groups.reduce((sum, g) => sum + g.open, 0);
  const breachedNow = groups.reduce((sum, g) => sum + g.breached, 0);
  const escalated = groups.reduce((sum, g) => sum + g.escalated, 0);
  const figure = (key: string, value: string, to?: string) => (
    <div key={key}>
      <dt>{t(`dashboard.figures.${key}`)}</dt>
      <dd data-figure={key}>{to ? <Link to={to}>{value}</Link> : value}</dd>
    </div>
  );
  return (
    <dl className="pairs big figures">
      {figure('onTime', rate === undefined ? '—' : t('dashboard.percent', { n: digits(rate) }))}
      {figure('breaches', number(breaches))}
      {figure('open', number(open))}
      {figure('breachedNow', number(breachedNow), '/oversight/sla?list=breaches')}
      {figure('escalated', number(escalated), '/oversight/sla?list=escalations')}
    </dl>
  );
}

export default function DashboardPage() {
  const { t } = useTranslation();
  const { date } = useFormat();
  const reports = useReports(useRangeChoice());
  const range = reports.grid.data?.range;
  return (
    <section>
      <PageHeading title={t('dashboard.title')}>{t('dashboard.title')}</PageHeading>
      <OversightNav />
      <div className="filters">
        <RangePicker />
        {range ? (
          <p className="muted">
            {t('dashboard.range.shown', { from: date(range.from), to: date(range.to) })}
          </p>
        ) : null}
      </div>
      <ProblemAlert problem={reports.problem} />
      {!reports.grid.data ? <Loading /> : null}
      <Figures reports={reports} />
      {reports.grid.data ? <DistrictGrid cells={reports.grid.data.items} /> : null}
      {reports.firstViewShown ? (
        <Suspense fallback={null}>
          <div className="columns charts">
            <BreachesByUnit kind="office" rows={reports.byOffice.data?.items} />
            <BreachesByUnit kind="department" rows={reports.byDepartment.data?.items} />
          </div>
          <WeeklyTrends
            breaches={reports.weekly.data?.items}
            throughput={reports.throughput.data?.items}
            backlog={reports.backlog.data?.items}
          />
          <StepTimes rows={reports.steps.data?.items} />
        </Suspense>
      ) : null}
    </section>
  );
}
