/** Withdrawing a request, with the reason, after the applicant confirms. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import { ApiProblem } from '../../shared/api/problem';
import type { PublicAfterAction } from '../../shared/api/types';
import { ProblemAlert } from '../../shared/components/ProblemAlert';
import { useFormat } from '../../shared/format';

const MIN_REASON = 3;

export function Withdraw(props: {
  code: string;
  token: string;
  onWithdrawn: (status: PublicAfterAction) => void;
}) {
  const { t } = useTranslation();
  const { digits } = useFormat();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [fault, setFault] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < MIN_REASON) return setFault(true);
    setFault(false);
    setBusy(true);
    try {
      props.onWithdrawn(
        await api.post<PublicAfterAction>(
          `/api/requests/${props.code}/withdraw`,
          { reason: reason.trim() },
          { token: props.token },
        ),
      );
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error : new ApiProblem(0, 'network', undefined, {}));
    } finally {
      setBusy(false);
    }
  };

  if (!open)
    return (
      <button type="button" className="danger" onClick={() => setOpen(true)}>
        {t('track.withdraw.start')}
      </button>
    );
  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="card withdraw">
      <h2>{t('track.withdraw.title')}</h2>
      <p>{t('track.withdraw.warning')}</p>
      <div className={fault ? 'field invalid' : 'field'}>
        <label htmlFor="withdraw-reason">{t('track.withdraw.reason')}</label>
        <textarea
          id="withdraw-reason"
          rows={3}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          {...(fault ? { 'aria-invalid': true, 'aria-describedby': 'withdraw-reason-error' } : {})}
        />
        {fault ? (
          <p className="field-error" id="withdraw-reason-error">
            {t('errors.field.minLength', { limit: digits(MIN_REASON) })}
          </p>
        ) : null}
      </div>
      <ProblemAlert problem={problem} />
      <div className="actions">
        <button type="submit" className="danger" disabled={busy}>
          {t('track.withdraw.confirm')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
