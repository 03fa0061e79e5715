/**
 * A payment task, for the treasury: the bill due, and the receipt of the payment that arrived,
 * recorded against the bill's payment id. Recording it twice changes nothing.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey } from '../../shared/api/client';
import { ApiProblem } from '../../shared/api/problem';
import type { RequestStatus, AfterAction } from '../../shared/api/types';
import { ProblemAlert } from '../../shared/components/ProblemAlert';
import { latinDigits, useFormat } from '../../shared/format';

export function PaymentWork({
  status,
  onDone,
}: {
  status: RequestStatus;
  onDone: (after: AfterAction) => void;
}) {
  const { t } = useTranslation();
  const { title, rials } = useFormat();
  const due = status.fees?.find((fee) => fee.status === 'due' && fee.billId);
  const [receipt, setReceipt] = useState('');
  const [fault, setFault] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());

  if (!due) return <p>{t('task.payment.nothingDue')}</p>;

  const record = async () => {
    const text = latinDigits(receipt.trim());
    if (text === '') return setFault(true);
    setFault(false);
    setBusy(true);
    setProblem(undefined);
    try {
      onDone(
        await api.post<AfterAction>(
          `/api/requests/${status.trackingCode}/payments`,
          { billId: due.billId, receipt: text },
          { idempotencyKey: key.current },
        ),
      );
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error : new ApiProblem(0, 'network', undefined, {}));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="payment-heading" className="card work">
      <h2 id="payment-heading">{t('task.payment.title')}</h2>
      <p>
        {title(due.title)} · {rials(due.amount)} · {t('request.bills.billId')}{' '}
        <span className="code" dir="ltr">
          {due.billId}
        </span>
      </p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void record();
        }}
      >
        <div className={fault ? 'field invalid' : 'field'}>
          <label htmlFor="payment-receipt">{t('task.payment.receipt')}</label>
          <input
            id="payment-receipt"
            type="text"
            inputMode="numeric"
            value={receipt}
            onChange={(event) => setReceipt(event.target.value)}
            {...(fault ? { 'aria-invalid': true, 'aria-describedby': 'payment-receipt-error' } : {})}
          />
          {fault ? (
            <p className="field-error" id="payment-receipt-error">
              {t('errors.field.required')}
            </p>
          ) : null}
        </div>
        <ProblemAlert problem={problem} />
        <button type="submit" className="primary" disabled={busy}>
          {t('task.payment.record')}
        </button>
      </form>
    </section>
  );
}
