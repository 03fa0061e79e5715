/** What a request is: service, code, district, how it came in, when, its deadlines and state, its data. */
import { useTranslation } from 'react-i18next';
import type { Plan, RequestStatus } from '../../shared/api/types';
import { jalaliOf } from '../../shared/format/jalali-day';
import { fieldsOf, labelOf, optionLabel, type FieldSpec } from '../../shared/forms/schema';
import { SlaBadge } from '../../shared/components/SlaBadge';
import { useFormat } from '../../shared/format';
import { useSession } from '../../shared/session';

function DataList({ fields, data }: { fields: FieldSpec[]; data: Record<string, unknown> }) {
  const { t } = useTranslation();
  const { language, digits } = useFormat();
  const shown = fields.filter((field) => data[field.name] !== undefined);
  if (shown.length === 0) return null;
  const text = (field: FieldSpec, value: unknown): string => {
    if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
    if (field.kind === 'date' && typeof value === 'string') return digits(jalaliOf(value));
    if (Array.isArray(value)) return value.map((v) => optionLabel(field, String(v), language)).join('، ');
    if (field.kind === 'choice') return optionLabel(field, String(value), language);
    if (typeof value === 'object' && value !== null) return JSON.stringify(value);
    return digits(String(value));
  };
  return (
    <dl className="pairs">
      {shown.map((field) => (
        <div key={field.path}>
          <dt>{labelOf(field, language)}</dt>
          <dd dir="auto">{text(field, data[field.name])}</dd>
        </div>
      ))}
    </dl>
  );
}

export function RequestSummary({ status, plan }: { status: RequestStatus; plan: Plan | undefined }) {
  const { t } = useTranslation();
  const { title, date, digits } = useFormat();
  const { session } = useSession();
  const district = session?.me.districts.find((d) => d.id === status.district);
  return (
    <section aria-labelledby="summary-heading" className="card">
      <h2 id="summary-heading">{t('request.summary.title')}</h2>
      <dl className="pairs">
        <div>
          <dt>{t('request.summary.service')}</dt>
          <dd>{title(status.service.title)}</dd>
        </div>
        <div>
          <dt>{t('request.summary.code')}</dt>
          <dd className="code">{digits(status.trackingCode)}</dd>
        </div>
        <div>
          <dt>{t('request.summary.district')}</dt>
          <dd>{district ? title(district.title) : status.district}</dd>
        </div>
        {status.channel ? (
          <div>
            <dt>{t('request.summary.channel')}</dt>
            <dd>{t(`channels.${status.channel}`)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('request.summary.started')}</dt>
          <dd>{date(status.startedAt)}</dd>
        </div>
        <div>
          <dt>{t('request.summary.target')}</dt>
          <dd>{date(status.deadlines.target)}</dd>
        </div>
        {status.deadlines.statutory ? (
          <div>
            <dt>{t('request.summary.statutory')}</dt>
            <dd>{date(status.deadlines.statutory)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('request.summary.state')}</dt>
          <dd>
            {t(`states.${status.state}`)} <SlaBadge sla={status.sla} />
          </dd>
        </div>
        {status.suspended ? (
          <div>
            <dt>{t('request.summary.suspended')}</dt>
            <dd>{t('request.summary.suspendedSince', { since: date(status.suspended.from) })}</dd>
          </div>
        ) : null}
      </dl>
      {status.data && plan?.form ? <DataList fields={fieldsOf(plan.form)} data={status.data} /> : null}
    </section>
  );
}
