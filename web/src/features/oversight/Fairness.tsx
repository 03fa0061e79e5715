/**
 * How the routing rule spread one service's requests in one district over the offices eligible
 * for them: each office's share of the requests beside its share of the capacity, their open
 * loads, and the Gini coefficients (0 is even, 1 is one office with everything).
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { query } from '../../shared/api/client';
import type { RoutingReport } from '../../shared/api/oversight-types';
import { Chart, directedAxes } from '../../shared/charts/Chart';
import { ProblemAlert } from '../../shared/components/ProblemAlert';
import { titleOf, useDirectory } from '../../shared/directory';
import { useFormat } from '../../shared/format';
import { useSession } from '../../shared/session';
import { useApi } from '../../shared/use-api';

const percentOf = (share: number) => Math.round(share * 1000) / 10;

export function Fairness() {
  const { t } = useTranslation();
  const { title, number, digits, language } = useFormat();
  const { session } = useSession();
  const directory = useDirectory();
  const [service, setService] = useState('building-permit-residential');
  const [district, setDistrict] = useState('d01');
  const report = useApi<RoutingReport>(`/api/reports/routing${query({ service, district })}`);
  const rows = report.data?.offices ?? [];
  const names = rows.map((row) => title(titleOf(directory, 'office', row.office)));
  const option = useMemo(
    () => ({
      color: ['#0b5d59', '#9aa5ab'],
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { top: 36, bottom: 60, left: 50, right: 50 },
      ...directedAxes(language === 'fa', names),
      series: [
        { type: 'bar', name: t('fairness.share'), data: rows.map((r) => percentOf(r.share)) },
        { type: 'bar', name: t('fairness.capacityShare'), data: rows.map((r) => percentOf(r.capacityShare)) },
      ],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [report.data, language, directory],
  );
  const gini = (value: number | null | undefined) =>
    value === null || value === undefined ? '—' : digits(value.toFixed(2));
  return (
    <section aria-labelledby="fairness-heading" className="card">
      <h2 id="fairness-heading">{t('fairness.title')}</h2>
      <div className="filters">
        <div className="field">
          <label htmlFor="fair-service">{t('fairness.service')}</label>
          <select id="fair-service" value={service} onChange={(e) => setService(e.target.value)}>
            {(directory?.services ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {title(s.title)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="fair-district">{t('fairness.district')}</label>
          <select id="fair-district" value={district} onChange={(e) => setDistrict(e.target.value)}>
            {(session?.me.districts ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {title(d.title)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ProblemAlert problem={report.problem} />
      {report.data ? (
        <>
          <dl className="pairs">
            <div>
              <dt>{t('fairness.requests')}</dt>
              <dd>{number(report.data.requests)}</dd>
            </div>
            <div>
              <dt>{t('fairness.gini')}</dt>
              <dd data-gini>{gini(report.data.gini)}</dd>
            </div>
            <div>
              <dt>{t('fairness.loadGini')}</dt>
              <dd>{gini(report.data.loadGini)}</dd>
            </div>
          </dl>
          {report.data.requests === 0 ? <p className="empty">{t('fairness.none')}</p> : null}
          {rows.length > 0 ? (
            <Chart
              id="fairness"
              caption={t('fairness.caption')}
              option={option}
              table={{
                columns: [
                  t('offices.office'),
                  t('fairness.requests'),
                  t('fairness.share'),
                  t('fairness.capacityShare'),
                  t('offices.load'),
                ],
                rows: rows.map((row, i) => [
                  names[i] ?? row.office,
                  number(row.requests),
                  t('dashboard.percent', { n: digits(percentOf(row.share)) }),
                  t('dashboard.percent', { n: digits(percentOf(row.capacityShare)) }),
                  t('offices.loadOf', { load: number(row.openLoad), capacity: number(row.capacity) }),
                ]),
              }}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
