/**
 * The receipt handed to the applicant, to print: the tracking code and the secret that open
 * the request on the tracking page, the service, the day and where to follow it. The secret is
 * shown only here, right after intake; it is not kept in the address or the browser.
 */
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { Started } from '../../shared/api/types';
import { PageHeading } from '../../shared/components/Page';
import { useFormat } from '../../shared/format';
import { useSignedIn } from '../../shared/session';

interface ReceiptState {
  started: Started;
  applicant: string;
  district: string;
}

export default function ReceiptPage() {
  const { t } = useTranslation();
  const { title, digits, language } = useFormat();
  const { code = '' } = useParams();
  const { me } = useSignedIn();
  const state = useLocation().state as ReceiptState | null;
  const today = new Intl.DateTimeFormat(language === 'fa' ? 'fa-IR-u-ca-persian' : 'en-US-u-ca-persian', {
    dateStyle: 'long',
    timeZone: 'Asia/Tehran',
  }).format(new Date());

  if (!state || state.started.trackingCode !== code)
    return (
      <section>
        <PageHeading title={t('receipt.title')}>{t('receipt.title')}</PageHeading>
        <p>{t('receipt.gone', { code: digits(code) })}</p>
        <Link to={`/requests/${code}`}>{t('task.openRequest')}</Link>
      </section>
    );
  const district = me.districts.find((d) => d.id === state.district);
  return (
    <section className="receipt">
      <PageHeading title={t('receipt.title')}>{t('receipt.title')}</PageHeading>
      <p className="muted">
        {title(me.city.title)} · {me.unit ? title(me.unit) : null}
      </p>
      <dl className="pairs big">
        <div>
          <dt>{t('receipt.service')}</dt>
          <dd>{title(state.started.service.title)}</dd>
        </div>
        <div>
          <dt>{t('receipt.applicant')}</dt>
          <dd dir="auto">{state.applicant}</dd>
        </div>
        {district ? (
          <div>
            <dt>{t('receipt.district')}</dt>
            <dd>{title(district.title)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('receipt.date')}</dt>
          <dd>{today}</dd>
        </div>
        <div>
          <dt>{t('receipt.code')}</dt>
          <dd className="code" data-testid="receipt-code">
            {digits(state.started.trackingCode)}
          </dd>
        </div>
        <div>
          <dt>{t('receipt.secret')}</dt>
          <dd className="code" dir="ltr" data-testid="receipt-secret">
            {state.started.secret}
          </dd>
        </div>
      </dl>
      <p>{t('receipt.howToTrack', { address: `${window.location.origin}/track` })}</p>
      <div className="actions no-print">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('receipt.print')}
        </button>
        <Link to="/intake">{t('receipt.another')}</Link>
        <Link to="/work">{t('nav.worklist')}</Link>
      </div>
    </section>
  );
}
