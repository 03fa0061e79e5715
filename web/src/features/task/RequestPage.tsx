/** A request as staff see it: summary, where it is now, documents, bills and timeline. */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading, PageHeading } from '../../shared/components/Page';
import { ProblemAlert } from '../../shared/components/ProblemAlert';
import { SlaBadge } from '../../shared/components/SlaBadge';
import { Deadline } from '../../shared/components/TimeLeft';
import { useFormat } from '../../shared/format';
import { Bills } from './Bills';
import { Documents } from './Documents';
import { RequestSummary } from './RequestSummary';
import { Timeline } from './Timeline';
import { useRequest } from './use-request';

export default function RequestPage() {
  const { t } = useTranslation();
  const { title, digits } = useFormat();
  const { code = '' } = useParams();
  const { status, history, plan } = useRequest(/^[0-9]{12}$/.test(code) ? code : undefined);
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
        </>
      ) : null}
    </section>
  );
}
