/**
 * An action taken with a reason the record keeps (move a task, stop a clock, suspend a
 * licence...): its own fields, the reason, and one button; the API's refusal is said beside it,
 * and a success is announced.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/problem';
import { ProblemAlert } from './ProblemAlert';

const MIN_REASON = 3;

export function ReasonForm(props: {
  legend: string;
  submit: string;
  /** Fields of its own before the reason. */
  children?: ReactNode;
  /** Asks for no reason (starting a clock again). */
  noReason?: boolean;
  /** What the reason is called here (a publication's note); "Reason" when absent. */
  reasonLabel?: string;
  disabled?: boolean;
  done: string;
  /**
   * Says the success where it outlives this form, for an action after which the form gives way to
   * another (stopping a clock brings the form that starts it); the form says it itself otherwise.
   */
  announce?: (done: string) => void;
  onSubmit: (reason: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [touched, setTouched] = useState(false);
  const short = !props.noReason && reason.trim().length < MIN_REASON;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (short) return;
    setBusy(true);
    setProblem(undefined);
    setDone(false);
    try {
      await props.onSubmit(reason.trim());
      if (props.announce) props.announce(props.done);
      else setDone(true);
      setReason('');
      setTouched(false);
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error : new ApiProblem(0, 'network', undefined, {}));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="reason-form" onSubmit={(event) => void submit(event)} noValidate>
      <fieldset>
        <legend>{props.legend}</legend>
        {props.children}
        {props.noReason ? null : (
          <div className={touched && short ? 'field invalid' : 'field'}>
            <label htmlFor={`${id}-reason`}>{props.reasonLabel ?? t('actions.reason')}</label>
            <textarea
              id={`${id}-reason`}
              rows={2}
              value={reason}
              aria-invalid={touched && short}
              aria-describedby={touched && short ? `${id}-reason-error` : undefined}
              onChange={(event) => setReason(event.target.value)}
            />
            {touched && short ? (
              <p className="field-error" id={`${id}-reason-error`}>
                {t('actions.reasonNeeded')}
              </p>
            ) : null}
          </div>
        )}
        <button type="submit" className="primary" disabled={busy || props.disabled}>
          {props.submit}
        </button>
        {done ? (
          <p role="status" className="done">
            {props.done}
          </p>
        ) : null}
        <ProblemAlert problem={problem} />
      </fieldset>
    </form>
  );
}
