/**
 * What a manager or an inspector may do to a request, each with a reason the record keeps: move
 * a task to another office or department; and for a manager, stop the request's clock while it
 * waits on the applicant, start it again, or extend a deadline by working days.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import type { RequestStatus } from '../../shared/api/types';
import { ReasonForm } from '../../shared/components/ReasonForm';
import { titleOf, useDirectory } from '../../shared/directory';
import { latinDigits, useFormat } from '../../shared/format';
import { useSignedIn } from '../../shared/session';

/**
 * Where a task may be moved: each department's unit for the request's district, and the offices
 * serving that district; never where the task already is (the request refuses that move).
 */
function useTargets(district: string, holder: string | undefined) {
  const directory = useDirectory();
  const { title } = useFormat();
  if (!directory) return [];
  const offices = directory.offices
    .filter((o) => o.districts.includes(district))
    .map((o) => ({ value: `office:${o.id}`, label: title(o.title) }));
  const departments = directory.departments.map((d) => {
    const unit = d.perDistrict ? `${district}.${d.id}` : d.id;
    return { value: `department:${unit}`, label: title(titleOf(directory, 'department', unit)) };
  });
  return [...departments, ...offices].filter((target) => target.value !== holder);
}

export function OversightActions({ status, onChanged }: { status: RequestStatus; onChanged: () => void }) {
  const { t } = useTranslation();
  const { title } = useFormat();
  const { me } = useSignedIn();
  const [taskId, setTaskId] = useState(status.currentTasks[0]?.taskId ?? '');
  const holder = status.currentTasks.find((task) => task.taskId === taskId)?.assignee.principal;
  const targets = useTargets(status.district, holder);
  const [to, setTo] = useState('');
  const [of, setOf] = useState('request');
  const [days, setDays] = useState('1');
  const [notice, setNotice] = useState<string>();
  const code = status.trackingCode;
  const manager = me.role === 'manager';
  const active = status.state === 'active';
  if (!active) return null;
  return (
    <section aria-labelledby="actions-heading" className="card actions-panel">
      <h2 id="actions-heading">{t('actions.title')}</h2>
      <p role="status" className={notice ? 'done' : undefined}>
        {notice}
      </p>
      {status.currentTasks.length > 0 ? (
        <ReasonForm
          legend={t('actions.reassign.title')}
          submit={t('actions.reassign.submit')}
          done={t('actions.reassign.done')}
          onSubmit={async (reason) => {
            await api.post(`/api/tasks/${taskId}/reassign`, { to, reason });
            onChanged();
          }}
        >
          <div className="field">
            <label htmlFor="reassign-task">{t('actions.task')}</label>
            <select id="reassign-task" value={taskId} onChange={(e) => setTaskId(e.target.value)}>
              {status.currentTasks.map((task) => (
                <option key={task.taskId} value={task.taskId}>
                  {title(task.title)} · {title(task.assignee.title)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="reassign-to">{t('actions.reassign.to')}</label>
            <select id="reassign-to" value={to} onChange={(e) => setTo(e.target.value)}>
              <option value="">{t('actions.reassign.choose')}</option>
              {targets.map((target) => (
                <option key={target.value} value={target.value}>
                  {target.label}
                </option>
              ))}
            </select>
          </div>
        </ReasonForm>
      ) : null}
      {manager && !status.suspended ? (
        <ReasonForm
          legend={t('actions.suspend.title')}
          submit={t('actions.suspend.submit')}
          done={t('actions.suspend.done')}
          announce={setNotice}
          onSubmit={async (reason) => {
            await api.post(`/api/requests/${code}/clock/suspend`, { reason });
            onChanged();
          }}
        />
      ) : null}
      {manager && status.suspended ? (
        <ReasonForm
          legend={t('actions.resume.title')}
          submit={t('actions.resume.submit')}
          done={t('actions.resume.done')}
          announce={setNotice}
          noReason
          onSubmit={async () => {
            await api.post(`/api/requests/${code}/clock/resume`);
            onChanged();
          }}
        />
      ) : null}
      {manager ? (
        <ReasonForm
          legend={t('actions.extend.title')}
          submit={t('actions.extend.submit')}
          done={t('actions.extend.done')}
          onSubmit={async (reason) => {
            const n = Number(latinDigits(days));
            await api.post(`/api/requests/${code}/extensions`, {
              of,
              by: `P${Number.isInteger(n) && n > 0 ? n : 1}D`,
              reason,
            });
            onChanged();
          }}
        >
          <div className="field">
            <label htmlFor="extend-of">{t('actions.extend.of')}</label>
            <select id="extend-of" value={of} onChange={(e) => setOf(e.target.value)}>
              <option value="request">{t('actions.extend.request')}</option>
              {status.currentTasks.map((task) => (
                <option key={task.taskId} value={task.taskId}>
                  {title(task.title)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="extend-days">{t('actions.extend.days')}</label>
            <input
              id="extend-days"
              inputMode="numeric"
              value={days}
              onChange={(e) => setDays(e.target.value)}
            />
          </div>
        </ReasonForm>
      ) : null}
    </section>
  );
}
