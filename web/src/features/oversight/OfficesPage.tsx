/**
 * The licensed offices as managers and inspectors weigh them: licence, open load against
 * capacity, work done, mean completion time and the breaches each let happen; and how fairly the
 * routing rule spread a service's requests in a district (share against capacity share, Gini).
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OfficePerformance, OfficeView } from '../../shared/api/oversight-types';
import { Loading, PageHeading } from '../../shared/components/Page';
import { ProblemAlert } from '../../shared/components/ProblemAlert';
import { useFormat } from '../../shared/format';
import { useApi } from '../../shared/use-api';
import { Fairness } from './Fairness';
import { LicenceBadge } from './LicenceBadge';
import { OversightNav } from './OversightNav';

export default function OfficesPage() {
  const { t } = useTranslation();
  const { title, number, digits } = useFormat();
  const offices = useApi<{ items: OfficeView[] }>('/api/offices');
  const report = useApi<{ items: OfficePerformance[] }>('/api/reports/offices');
  const performance = new Map((report.data?.items ?? []).map((row) => [row.office, row]));
  return (
    <section>
      <PageHeading title={t('offices.title')}>{t('offices.title')}</PageHeading>
      <OversightNav />
      <ProblemAlert problem={offices.problem ?? report.problem} />
      {!offices.data ? <Loading /> : null}
      {offices.data ? (
        <section aria-labelledby="offices-heading" className="card">
          <h2 id="offices-heading">{t('offices.record')}</h2>
          <table className="offices">
            <caption className="visually-hidden">{t('offices.record')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('offices.office')}</th>
                <th scope="col">{t('offices.licence')}</th>
                <th scope="col">{t('offices.load')}</th>
                <th scope="col">{t('offices.done')}</th>
                <th scope="col">{t('offices.completion')}</th>
                <th scope="col">{t('offices.breaches')}</th>
              </tr>
            </thead>
            <tbody>
              {offices.data.items.map((office) => {
                const row = performance.get(office.id);
                return (
                  <tr key={office.id} data-office={office.id}>
                    <th scope="row">
                      <Link to={`/oversight/offices/${office.id}`}>{title(office.title)}</Link>
                    </th>
                    <td>
                      <LicenceBadge status={office.licence.status} />
                    </td>
                    <td>
                      {t('offices.loadOf', {
                        load: number(office.openLoad ?? 0),
                        capacity: number(office.capacity),
                      })}
                    </td>
                    <td>{number(row?.tasksDone ?? 0)}</td>
                    <td>
                      {row?.meanCompletionHours === null || row === undefined
                        ? '—'
                        : t('offices.hours', { n: digits(row.meanCompletionHours) })}
                    </td>
                    <td>
                      {row?.breaches ? (
                        <Link to={`/oversight/sla?list=breaches&office=${office.id}`}>
                          {number(row.breaches)}
                        </Link>
                      ) : (
                        number(0)
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ) : null}
      <Fairness />
    </section>
  );
}
