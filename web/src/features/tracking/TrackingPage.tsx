/**
 * The applicant's page for their request, in plain words and at a phone's width: where it is
 * and with whom, the date it is expected, the steps done, what is asked of them and the answers
 * they may give, the documents to bring, the bills to pay, and withdrawing it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import type { PublicAfterAction, PublicStatus } from '../../shared/api/types';
import { Loading, PageHeading } from '../../shared/components/Page';
import { ProblemAlert } from '../../shared/components/ProblemAlert';
import { usePlan } from '../../shared/catalog';
import { useFormat } from '../../shared/format';
import { useApi } from '../../shared/use-api';
import { Bills } from '../task/Bills';
import { Documents } from '../task/Documents';
import { outcomeWords } from '../task/outcome-title';
import { AnswerAsked } from './AnswerAsked';
import { citizenToken, forgetCitizenToken } from './citizen-token';
import { Withdraw } from './Withdraw';

export default function TrackingPage() {
  const { t } = useTranslation();
  const { title, date, day, digits } = useFormat();
  const { code = '' } = useParams();
  const token = citizenToken(code);
  const read = useApi<PublicStatus>(token ? `/api/requests/${code}` : undefined, token ? { token } : {});
  // Where the request stood after the applicant's action, until it is read again in full.
  const [latest, setLatest] = useState<{ after: PublicAfterAction; over: PublicStatus | undefined }>();
  const status =
    read.data && latest && latest.over === read.data ? { ...read.data, ...latest.after } : read.data;
  const acted = (after: PublicAfterAction) => {
    setLatest({ after, over: read.data });
    read.reload();
  };
  const { plan } = usePlan(status?.service.id, status?.service.version);

  if (!token || read.problem?.status === 401) {
    if (token) forgetCitizenToken(code);
    return <Navigate to={`/track?code=${code}`} replace />;
  }
  const asked = status?.now
    .filter((now) => now.waitsOnYou)
    .map((now) => plan?.steps[now.step])
    .find((step) => step && step.kind !== 'payment');
  const active = status?.state === 'active';

  return (
    <section className="tracking">
      <PageHeading title={t('track.title')}>
        {status ? title(status.service.title) : t('track.title')}
      </PageHeading>
      <p className="muted">
        {t('track.code')} <span className="code">{digits(code)}</span>
      </p>
      <ProblemAlert problem={read.problem} />
      {read.loading && !status ? <Loading /> : null}
      {status ? (
        <>
          <section aria-labelledby="where-heading" className="card where">
            <h2 id="where-heading">{t('track.where.title')}</h2>
            {active ? (
              <>
                <ul>
                  {status.now.map((now) => (
                    <li key={now.step}>
                      <strong>{title(now.status ?? now.title)}</strong> ·{' '}
                      {t('track.where.with', { holder: title(now.with) })}
                      <div className="muted">{t('track.where.stepBy', { day: day(now.deadline) })}</div>
                    </li>
                  ))}
                </ul>
                {status.clockStopped ? (
                  <p data-testid="clock-stopped">
                    {t('track.where.clockStopped', { reason: title(status.clockStopped.reason) })}
                    {status.clockStopped.until
                      ? ` ${t('track.where.clockRunsAgain', { day: day(status.clockStopped.until) })}`
                      : null}
                  </p>
                ) : null}
                <p className="expected">
                  {t('track.expected')} <strong data-testid="expected-date">{day(status.deadline)}</strong>
                </p>
              </>
            ) : (
              <p>
                {t(`track.ended.${status.state}`)} {status.endedAt ? date(status.endedAt) : null}
              </p>
            )}
          </section>
          {active && asked && token ? (
            <AnswerAsked code={code} token={token} step={asked} onAnswered={acted} />
          ) : null}
          {active ? <Documents plan={plan} heading={t('track.documents')} /> : null}
          <Bills fees={status.fees} />
          <section aria-labelledby="done-heading" className="card">
            <h2 id="done-heading">{t('track.done.title')}</h2>
            {status.stepsDone.length === 0 ? <p>{t('track.done.none')}</p> : null}
            <ol className="timeline">
              {status.stepsDone.map((step, index) => (
                <li key={`${step.at.at}-${index}`}>
                  <time dateTime={step.at.at}>{date(step.at)}</time>
                  <div>
                    {title(step.title)}
                    {step.outcome ? ` · ${outcomeWords(plan, undefined, step.outcome, t, title)}` : null}
                  </div>
                </li>
              ))}
            </ol>
          </section>
          {active && token ? <Withdraw code={code} token={token} onWithdrawn={acted} /> : null}
        </>
      ) : null}
      <p>
        <Link to="/track">{t('track.another')}</Link>
      </p>
    </section>
  );
}
