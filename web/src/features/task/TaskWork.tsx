/**
 * Working a task: claim it or give it back, fill in the step's form (drawn from its JSON
 * Schema, checked as one types), and finish it with one of its outcomes, each a button.
 * Problems the API answers show in the reader's language, next to the fields they concern.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey } from '../../shared/api/client';
import { ApiProblem, fieldsUnder } from '../../shared/api/problem';
import type { CurrentTask, Plan, AfterAction } from '../../shared/api/types';
import { ProblemAlert } from '../../shared/components/ProblemAlert';
import { SchemaForm } from '../../shared/forms/SchemaForm';
import { useSchemaForm } from '../../shared/forms/use-schema-form';
import { useFormat } from '../../shared/format';
import { useSignedIn } from '../../shared/session';
import { outcomeWords } from './outcome-title';

const asProblem = (error: unknown) =>
  error instanceof ApiProblem ? error : new ApiProblem(0, 'network', undefined, {});

export function TaskWork(props: {
  task: CurrentTask;
  plan: Plan | undefined;
  onChanged: (after: AfterAction) => void;
  onDone: (after: AfterAction) => void;
}) {
  const { task, plan } = props;
  const { t } = useTranslation();
  const { title } = useFormat();
  const { me } = useSignedIn();
  const form = useSchemaForm(plan?.steps[task.step]?.form);
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());
  const mine = `${me.role}:${me.sub}`;
  const claimedByOther = task.claimedBy !== undefined && task.claimedBy !== mine;

  const act = async (run: () => Promise<AfterAction>, after: (summary: AfterAction) => void) => {
    setBusy(true);
    setProblem(undefined);
    try {
      after(await run());
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setBusy(false);
    }
  };

  const complete = (outcome: string) => {
    const data = form.submit();
    if (!data) return;
    void act(
      () =>
        api.post<AfterAction>(
          `/api/tasks/${task.taskId}/complete`,
          { outcome, ...(Object.keys(data).length > 0 ? { data } : {}) },
          { idempotencyKey: key.current },
        ),
      props.onDone,
    );
  };

  const serverFaults = { ...fieldsUnder(problem, ''), ...fieldsUnder(problem, 'data.') };

  return (
    <section aria-labelledby="work-heading" className="card work">
      <h2 id="work-heading">{t('task.work.title')}</h2>
      <p>
        {task.claimedBy === undefined
          ? t('task.work.unclaimed')
          : claimedByOther
            ? t('task.work.claimedBy', { who: task.claimedBy.replace(/^[a-z]+:/, '') })
            : t('task.work.claimedByMe')}
      </p>
      <div className="actions">
        {task.claimedBy === undefined ? (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void act(() => api.post<AfterAction>(`/api/tasks/${task.taskId}/claim`), props.onChanged)
            }
          >
            {t('task.work.claim')}
          </button>
        ) : null}
        {task.claimedBy === mine ? (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void act(() => api.post<AfterAction>(`/api/tasks/${task.taskId}/return`), props.onChanged)
            }
          >
            {t('task.work.giveBack')}
          </button>
        ) : null}
      </div>
      <form
        noValidate
        onSubmit={(event) => event.preventDefault()}
        aria-describedby={problem ? 'work-problem' : undefined}
      >
        {form.fields.length > 0 ? (
          <fieldset>
            <legend>{t('task.work.form')}</legend>
            <SchemaForm
              fields={form.fields}
              draft={form.draft}
              onChange={form.setField}
              faults={form.faults}
              serverFaults={serverFaults}
              idPrefix="task"
            />
          </fieldset>
        ) : null}
        <ProblemAlert problem={problem} id="work-problem" />
        <div className="outcomes" role="group" aria-label={t('task.work.outcomes')}>
          {task.outcomes.map((outcome) => (
            <button
              key={outcome.id}
              type="button"
              className={outcome.id === 'reject' ? 'danger' : 'primary'}
              disabled={busy || claimedByOther}
              onClick={() => complete(outcome.id)}
            >
              {title(outcome.title) || outcomeWords(plan, task.step, outcome.id, t, title)}
            </button>
          ))}
        </div>
      </form>
    </section>
  );
}
