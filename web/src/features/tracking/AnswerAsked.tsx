/**
 * What the request waits on the applicant for, and the answers they may give: the step's form
 * (if it asks for anything) and one button per answer.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey } from '../../shared/api/client';
import { ApiProblem, fieldsUnder } from '../../shared/api/problem';
import type { PlanStep, PublicAfterAction } from '../../shared/api/types';
import { ProblemAlert } from '../../shared/components/ProblemAlert';
import { SchemaForm } from '../../shared/forms/SchemaForm';
import { useSchemaForm } from '../../shared/forms/use-schema-form';
import { useFormat } from '../../shared/format';

export function AnswerAsked(props: {
  code: string;
  token: string;
  step: PlanStep;
  onAnswered: (status: PublicAfterAction) => void;
}) {
  const { t } = useTranslation();
  const { title } = useFormat();
  const form = useSchemaForm(props.step.form);
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());
  const outcomes = Object.entries(props.step.outcomes ?? {});

  const answer = async (outcome: string) => {
    const data = form.submit();
    if (!data) return;
    setBusy(true);
    setProblem(undefined);
    try {
      props.onAnswered(
        await api.post<PublicAfterAction>(
          `/api/requests/${props.code}/documents`,
          { outcome, ...(Object.keys(data).length > 0 ? { data } : {}) },
          { token: props.token, idempotencyKey: key.current },
        ),
      );
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error : new ApiProblem(0, 'network', undefined, {}));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="asked-heading" className="card asked">
      <h2 id="asked-heading">{t('track.asked.title')}</h2>
      <p>{title(props.step.title)}</p>
      <form noValidate onSubmit={(event) => event.preventDefault()}>
        {form.fields.length > 0 ? (
          <SchemaForm
            fields={form.fields}
            draft={form.draft}
            onChange={form.setField}
            faults={form.faults}
            serverFaults={{ ...fieldsUnder(problem, ''), ...fieldsUnder(problem, 'data.') }}
            idPrefix="answer"
          />
        ) : null}
        <ProblemAlert problem={problem} />
        <div className="outcomes" role="group" aria-label={t('track.asked.answers')}>
          {outcomes.map(([id, outcome]) => (
            <button
              key={id}
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void answer(id)}
            >
              {title(outcome.title)}
            </button>
          ))}
        </div>
      </form>
    </section>
  );
}
