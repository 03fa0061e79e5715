/** The bills of a request: what, how much, the payment id, and whether it was paid. */
import { useTranslation } from 'react-i18next';
import type { Fee } from '../../shared/api/types';
import { useFormat } from '../../shared/format';

export function Bills({ fees }: { fees: Fee[] | undefined }) {
  const { t } = useTranslation();
  const { title, rials, date } = useFormat();
  if (!fees || fees.length === 0) return null;
  return (
    <section aria-labelledby="bills-heading" className="card">
      <h2 id="bills-heading">{t('request.bills.title')}</h2>
      <ul className="bills">
        {fees.map((fee) => (
          <li key={fee.billId || title(fee.title)}>
            <strong>{title(fee.title)}</strong> · {rials(fee.amount)}
            {fee.billId ? (
              <div>
                {t('request.bills.billId')}{' '}
                <span className="code" dir="ltr">
                  {fee.billId}
                </span>
              </div>
            ) : null}
            <div className={fee.status === 'paid' ? 'paid' : 'due'}>
              {fee.status === 'paid'
                ? t('request.bills.paidOn', { day: date(fee.paidAt) })
                : t('request.bills.due')}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
