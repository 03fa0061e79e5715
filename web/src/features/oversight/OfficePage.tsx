/**
 * One office for an inspector: its licence and every change to it, the open work it holds now,
 * and the licence actions (suspend, revoke, reinstate, renew), each with a reason. A suspension
 * or revocation acts at once: the office's open work moves to eligible offices, as the list shows.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../shared/api/client';
import type { LicenceChange, OfficeView } from '../../shared/api/oversight-types';
import type { Worklist } from '../../shared/api/types';
import { Loading, PageHeading } from '../../shared/components/Page';
import { ProblemAlert } from '../../shared/components/ProblemAlert';
import { ReasonForm } from '../../shared/components/ReasonForm';
import { SlaBadge } from '../../shared/components/SlaBadge';
import { Deadline } from '../../shared/components/TimeLeft';
import { latinDigits, useFormat } from '../../shared/format';
import { useSession } from '../../shared/session';
import { useApi } from '../../shared/use-api';
import { LicenceBadge } from './LicenceBadge';
import { OversightNav } from './OversightNav';

const ACTIONS = ['suspend', 'revoke', 'reinstate', 'renew'] as const;
type Action = (typeof ACTIONS)[number];

type OfficeDetail = OfficeView & { history: Omit<LicenceChange, 'officeId' | 'office'>[] };

function OpenWork({ officeId }: { officeId: string }) {
  const { t } = useTranslation();
  const { title, digits, number } = useFormat();
  const work = useApi<Worklist>(`/api/tasks?assignee=office:${encodeURIComponent(officeId)}&pageSize=50`);
  const items = work.data?.items ?? [];
  return (
    <section aria-labelledby="open-work-heading" className="card">
      <h2 id="open-work-heading">{t('offices.openWork')}</h2>
      <ProblemAlert problem={work.problem} />
      {work.data ? (
        <p className="count-note" role="status" data-open-work={work.data.total}>
          {t('offices.openWorkCount', { n: number(work.data.total) })}
        </p>
      ) : null}
      {items.length > 0 ? (
        <ul className="services">
          {items.map((item) => (
            <li key={item.taskId}>
              <Link to={`/requests/${item.trackingCode}`} className="code">
                {digits(item.trackingCode)}
              </Link>{' '}
              · {title(item.service?.title)} · {title(item.title)} · <Deadline deadline={item.deadline} />{' '}
              <SlaBadge sla={item.sla} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export default function OfficePage() {
  const { t } = useTranslation();
  const { title, digits, date } = useFormat();
  const { officeId = '' } = useParams();
  const { session } = useSession();
  const office = useApi<OfficeDetail>(`/api/offices/${encodeURIComponent(officeId)}`);
  const [action, setAction] = useState<Action>('suspend');
  const [validUntil, setValidUntil] = useState('');
  const [round, setRound] = useState(0);
  const mayAct = session?.me.role === 'manager' || session?.me.role === 'inspector';
  const data = office.data;
  return (
    <section>
      <PageHeading title={data ? title(data.title) : t('offices.title')}>
        {data ? title(data.title) : t('offices.title')}
      </PageHeading>
      <OversightNav />
      <ProblemAlert problem={office.problem} />
      {!data && office.loading ? <Loading /> : null}
      {data ? (
        <>
          <dl className="pairs card">
            <div>
              <dt>{t('offices.licence')}</dt>
              <dd>
                <LicenceBadge status={data.licence.status} />{' '}
                <span className="code">{data.licence.number}</span>
              </dd>
            </div>
            <div>
              <dt>{t('offices.validUntil')}</dt>
              <dd>{digits(data.licence.validUntil.jalali)}</dd>
            </div>
            {data.licence.reason ? (
              <div>
                <dt>{t('offices.reason')}</dt>
                <dd>{data.licence.reason}</dd>
              </div>
            ) : null}
          </dl>
          <div className="columns">
            <OpenWork key={round} officeId={officeId} />
            {mayAct ? (
              <ReasonForm
                legend={t('licence.actions.title')}
                submit={t(`licence.actions.${action}`)}
                done={t('licence.actions.done')}
                onSubmit={async (reason) => {
                  await api.post(`/api/offices/${encodeURIComponent(officeId)}/licence`, {
                    action,
                    reason,
                    ...(action === 'renew' && validUntil
                      ? { validUntil: latinDigits(validUntil).replaceAll('/', '-') }
                      : {}),
                  });
                  office.reload();
                  // The office's work moves a moment after the licence changes: read it again as it goes.
                  for (const wait of [0, 2000, 5000]) window.setTimeout(() => setRound((n) => n + 1), wait);
                }}
              >
                <div className="field">
                  <label htmlFor="licence-action">{t('licence.actions.which')}</label>
                  <select
                    id="licence-action"
                    value={action}
                    onChange={(e) => setAction(e.target.value as Action)}
                  >
                    {ACTIONS.map((a) => (
                      <option key={a} value={a}>
                        {t(`licence.actions.${a}`)}
                      </option>
                    ))}
                  </select>
                </div>
                {action === 'renew' ? (
                  <div className="field">
                    <label htmlFor="licence-until">{t('licence.actions.validUntil')}</label>
                    <input
                      id="licence-until"
                      value={validUntil}
                      onChange={(e) => setValidUntil(e.target.value)}
                      placeholder="۱۴۰۷/۱۲/۲۹"
                    />
                  </div>
                ) : null}
              </ReasonForm>
            ) : null}
          </div>
          <section aria-labelledby="history-heading" className="card">
            <h2 id="history-heading">{t('licence.history')}</h2>
            <ol className="timeline">
              {[...data.history].reverse().map((change, i) => (
                <li key={i}>
                  <time dateTime={change.at.at}>{date(change.at)}</time>{' '}
                  <strong>{t(`licence.changes.${change.action}`, { defaultValue: change.action })}</strong> ·{' '}
                  {t('timeline.by', { who: change.by })}
                  <div className="muted">{change.reason}</div>
                </li>
              ))}
            </ol>
          </section>
        </>
      ) : null}
    </section>
  );
}
