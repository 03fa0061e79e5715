/**
 * Finding a request by its tracking code or the applicant's national id, among those the
 * person's unit worked on or took in (all of them, for oversight). A tracking code names one
 * request: it opens at once.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { query } from '../../shared/api/client';
import type { Page, RequestSummary } from '../../shared/api/types';
import { Loading, PageHeading } from '../../shared/components/Page';
import { ProblemAlert } from '../../shared/components/ProblemAlert';
import { SlaBadge } from '../../shared/components/SlaBadge';
import { latinDigits, useFormat } from '../../shared/format';
import { useApi } from '../../shared/use-api';
import { isSearchTerm } from '../worklist/worklist-query';

export default function SearchPage() {
  const { t } = useTranslation();
  const { title, date, digits } = useFormat();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const [fault, setFault] = useState(false);
  const found = useApi<Page<RequestSummary>>(q ? `/api/requests${query({ q, pageSize: 50 })}` : undefined);

  const search = (event: FormEvent) => {
    event.preventDefault();
    const term = latinDigits(text.trim());
    setFault(!isSearchTerm(term));
    if (/^[0-9]{12}$/.test(term)) void navigate(`/requests/${term}`);
    else if (isSearchTerm(term)) setParams({ q: term });
  };

  return (
    <section>
      <PageHeading title={t('search.title')}>{t('search.title')}</PageHeading>
      <form role="search" onSubmit={search} className="search card" noValidate>
        <div className={fault ? 'field invalid' : 'field'}>
          <label htmlFor="search-q">{t('worklist.search.label')}</label>
          <input
            id="search-q"
            type="search"
            inputMode="numeric"
            value={text}
            onChange={(event) => setText(event.target.value)}
            {...(fault ? { 'aria-invalid': true, 'aria-describedby': 'search-q-error' } : {})}
          />
          {fault ? (
            <p className="field-error" id="search-q-error">
              {t('worklist.search.fault')}
            </p>
          ) : null}
        </div>
        <button type="submit" className="primary">
          {t('worklist.search.button')}
        </button>
      </form>
      <ProblemAlert problem={found.problem} />
      {found.loading ? <Loading /> : null}
      {found.data && found.data.items.length === 0 ? <p className="empty">{t('search.none')}</p> : null}
      {found.data && found.data.items.length > 0 ? (
        <table>
          <caption>{t('search.results', { n: digits(found.data.total) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('worklist.table.request')}</th>
              <th scope="col">{t('search.where')}</th>
              <th scope="col">{t('search.started')}</th>
              <th scope="col">{t('worklist.table.sla')}</th>
            </tr>
          </thead>
          <tbody>
            {found.data.items.map((item) => (
              <tr key={item.trackingCode}>
                <td>
                  <Link to={`/requests/${item.trackingCode}`} className="code">
                    {digits(item.trackingCode)}
                  </Link>
                  <div className="muted">{title(item.service.title)}</div>
                </td>
                <td>
                  {item.currentSteps.length > 0
                    ? item.currentSteps.map((step) => title(step.title)).join('، ')
                    : t(`states.${item.state}`)}
                </td>
                <td>{date(item.startedAt)}</td>
                <td>
                  <SlaBadge sla={item.sla} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
