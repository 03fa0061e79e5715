/**
 * A task: the request's summary, the task's deadline and SLA state, the work to do (claim,
 * form, outcomes; a payment's receipt), why it is where it is, the documents, the bills and
 * the request's timeline.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AfterAction, RequestStatus } from '../../shared/api/types';
import { Loading, PageHeading } from '../../shared/components/Page';
import { ProblemAlert } from '../../shared/components/ProblemAlert';
import { SlaBadge } from '../../shared/components/SlaBadge';
import { Deadline } from '../../shared/components/TimeLeft';
import { useFormat } from '../../shared/format';
import { useSignedIn } from '../../shared/session';
import { Bills } from './Bills';
import { Documents } from './Documents';
import { PaymentWork } from './PaymentWork';
import { RequestSummary } from './RequestSummary';
import { Routing } from './Routing';
import { TaskWork } from './TaskWork';
import { Timeline } from './Timeline';
import { codeOfTask, useRequest } from './use-request';

function Done({ status }: { status: AfterAction }) {
  const { t } = useTranslation();
  const { title } = useFormat();
  return (
    <section className="card done" role="status" aria-labelledby="done-heading">
      <h2 id="done-heading">{t('task.done.title')}</h2>
      {status.state === 'active' ? (
        <ul>
          {status.currentTasks.map((next) => (
            <li key={next.taskId}>
              {t('task.done.next', { step: title(next.title), holder: title(next.assignee.title) })}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('task.done.ended', { state: t(`states.${status.state}`) })}</p>
      )}
      <Link to="/work">{t('task.done.back')}</Link>
    </section>
  );
}

export default function TaskPage() {
  const { t } = useTranslation();
  const { title, digits } = useFormat();
  const { taskId = '' } = useParams();
  const { me } = useSignedIn();
  const code = codeOfTask(taskId);
  const { status, history, plan, reload } = useRequest(code);
  // The open tasks as an action left them, until the request is read again after it.
  const [latest, setLatest] = useState<{ after: AfterAction; over: RequestStatus | undefined }>();
  const [done, setDone] = useState<AfterAction>();
  const current = status.data;
  const fresh = latest && latest.over === current ? latest.after : current;
  const task = fresh?.currentTasks.find((open) => open.taskId === taskId);
  const works = me.role === 'office' || me.role === 'department';

  if (!code)
    return (
      <section>
        <PageHeading title={t('task.title')}>{t('task.title')}</PageHeading>
        <p>{t('task.badId')}</p>
      </section>
    );
  const changed = (after: AfterAction) => {
    setLatest({ after, over: current });
    reload();
  };
  const finished = (after: AfterAction) => {
    setDone(after);
    reload();
  };

  const heading = task ? title(task.title) : t('task.title');
  return (
    <section>
      <p className="breadcrumb">
        <Link to="/work">{t('nav.worklist')}</Link>
      </p>
      <PageHeading title={heading}>
        {heading} <span className="code">{digits(code)}</span>
      </PageHeading>
      <ProblemAlert problem={status.problem} />
      {status.loading && !current ? <Loading /> : null}
      {done ? <Done status={done} /> : null}
      {current && task && !done ? (
        <>
          <p className="task-state">
            <SlaBadge sla={task.sla} /> {t('task.deadline')} <Deadline deadline={task.deadline} />
            {task.escalationLevel ? (
              <span className="escalated">
                {' '}
                · {t('worklist.escalated', { n: digits(task.escalationLevel) })}
              </span>
            ) : null}
          </p>
          {works && task.kind === 'payment' ? <PaymentWork status={current} onDone={finished} /> : null}
          {works && task.kind !== 'payment' ? (
            <TaskWork task={task} plan={plan} onChanged={changed} onDone={finished} />
          ) : null}
        </>
      ) : null}
      {current && !task && !done ? (
        <p className="card">
          {t('task.notOpen')} <Link to={`/requests/${code}`}>{t('task.openRequest')}</Link>
        </p>
      ) : null}
      {current ? (
        <div className="columns">
          <div>
            <RequestSummary status={current} plan={plan} />
            <Documents plan={plan} />
            <Bills fees={current.fees} />
          </div>
          <div>
            {task ? <Routing task={task} /> : null}
            <Timeline entries={history.data?.items} plan={plan} />
          </div>
        </div>
      ) : null}
    </section>
  );
}
