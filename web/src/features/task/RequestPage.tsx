/**
 * A request as staff see it: summary, where it is now, documents, bills and timeline; for
 * managers and inspectors, the actions they may take on it and its audit trail.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading, PageHeading } from '../../shared/components/Page';
import { ProblemAlert } from '../../shared/components/ProblemAlert';
import { SlaBadge } from '../../shared/components/SlaBadge';
import { Deadline } from '../../shared/components/TimeLeft';
import { useFormat } from '../../shared/format';
import { useSession } from '../../shared/session';
import { AuditEntries } from './AuditEntries';
import { OversightActions } from './OversightActions';
import { Bills } from './Bills';
import { Documents } from './Documents';
import { RequestSummary } from './RequestSummary';
import { Timeline } from './Timeline';
import { useRequest } from './use-request';

export default function RequestPage() {
  const { t } = useTranslation();
  const { title, digits, date } = useFormat();
  const { code = '' } = useParams();
  const { status, history, plan, reload } = useRequest(/^[0-9]{12}$/.test(code) ? code : undefined);
  const { session } = useSession();
  const role = session?.me.role;
  const oversees = role === 'manager' || role === 'inspector' || role === 'admin';
  const [round, setRound] = useState(0);
  const current = status.data;
  return (
    <section>
      <PageHeading title={t('request.title')}>
        {current ? title(current.service.title) : t('request.title')}{' '}
        <span className="code">{digits(code)}</span>
      </PageHeading>
      <ProblemAlert problem={status.problem} />
      {status.loading && !current ? <Loading /> : null}
      {current ? (
        <>
          <section aria-labelledby="now-heading" className="card">
            <h2 id="now-heading">{t('request.now.title')}</h2>
            {current.currentTasks.length === 0 ? <p>{t(`states.${current.state}`)}</p> : null}
            <ul>
              {current.currentTasks.map((task) => (
                <li key={task.taskId}>
                  <Link to={`/work/tasks/${task.taskId}`}>{title(task.title)}</Link> ·{' '}
                  {title(task.assignee.title)} · <Deadline deadline={task.deadline} />{' '}
                  <SlaBadge sla={task.sla} />
                  {(task.moves ?? []).map((move) => (
                    <div key={move.at.at} className="muted" data-move>
                      {date(move.at)} · {t('timeline.moveTo', { to: title(move.to.title) })} ·{' '}
                      <span dir="auto">{move.reason}</span>
                    </div>
                  ))}
                </li>
              ))}
            </ul>
          </section>
          <div className="columns">
            <div>
              <RequestSummary status={current} plan={plan} />
              <Documents plan={plan} />
              <Bills fees={current.fees} />
            </div>
            <Timeline entries={history.data?.items} plan={plan} />
          </div>
          {oversees && role !== 'admin' ? (
            <div className="columns">
              <OversightActions
                status={current}
                onChanged={() => {
                  reload();
                  setRound((n) => n + 1);
                }}
              />
              <AuditEntries key={`audit-${round}`} code={current.trackingCode} />
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
