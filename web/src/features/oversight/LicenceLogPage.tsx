/** Every change to offices' licences up to now, newest first: when, which office, what, why and by whom. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { query } from '../../shared/api/client';
import type { LicenceChange } from '../../shared/api/oversight-types';
import type { Page } from '../../shared/api/types';
import { Loading, PageHeading } from '../../shared/components/Page';
import { Pager } from '../../shared/components/Pager';
import { ProblemAlert } from '../../shared/components/ProblemAlert';
import { useFormat } from '../../shared/format';
import { useApi } from '../../shared/use-api';
import { OversightNav } from './OversightNav';

const PAGE_SIZE = 50;

export default function LicenceLogPage() {
  const { t } = useTranslation();
  const { title, date } = useFormat();
  const [page, setPage] = useState(1);
  // Changes up to the moment the page opened, so a change made meanwhile does not shift the pages.
  const [openedAt] = useState(() => new Date().toISOString());
  const log = useApi<Page<LicenceChange>>(
    `/api/reports/licence-changes${query({ to: openedAt, page, pageSize: PAGE_SIZE })}`,
  );
  const items = log.data?.items ?? [];
  return (
    <section>
      <PageHeading title={t('licence.log.title')}>{t('licence.log.title')}</PageHeading>
      <OversightNav />
      <ProblemAlert problem={log.problem} />
      {!log.data ? <Loading /> : null}
      {log.data && items.length === 0 ? <p className="empty">{t('licence.log.empty')}</p> : null}
      {items.length > 0 ? (
        <table>
          <caption className="visually-hidden">{t('licence.log.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('licence.log.at')}</th>
              <th scope="col">{t('offices.office')}</th>
              <th scope="col">{t('licence.log.change')}</th>
              <th scope="col">{t('offices.reason')}</th>
              <th scope="col">{t('licence.log.by')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((entry) => (
              <tr key={`${entry.officeId}-${entry.at.at}`}>
                <th scope="row">
                  <time dateTime={entry.at.at}>{date(entry.at)}</time>
                </th>
                <td>
                  <Link to={`/oversight/offices/${entry.officeId}`}>{title(entry.office)}</Link>
                </td>
                <td>{t(`licence.changes.${entry.action}`, { defaultValue: entry.action })}</td>
                <td>{entry.reason}</td>
                <td>{entry.by}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {log.data ? <Pager page={page} pageSize={PAGE_SIZE} total={log.data.total} onPage={setPage} /> : null}
    </section>
  );
}
