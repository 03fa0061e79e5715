/**
 * Everything that happened to a request, in time order: steps done and with what outcome, by
 * whom, escalations and to whom, deadline changes and clock stops, each with its reason.
 */
import { useTranslation } from 'react-i18next';
import type { HistoryEntry, Party, Plan, When } from '../../shared/api/types';
import { useFormat } from '../../shared/format';
import { outcomeWords } from './outcome-title';

const isParty = (value: unknown): value is Party =>
  typeof value === 'object' && value !== null && 'principal' in value;
const isWhen = (value: unknown): value is When =>
  typeof value === 'object' && value !== null && 'jalali' in value;

function Entry({ entry, plan }: { entry: HistoryEntry; plan: Plan | undefined }) {
  const { t } = useTranslation();
  const { title, date, digits } = useFormat();
  switch (entry.what) {
    case 'step':
      return (
        <>
          <strong>{title(entry.title)}</strong>
          {entry.outcome ? ` · ${outcomeWords(plan, entry.stepId, entry.outcome, t, title)}` : null}
          {entry.actor ? <div className="muted">{t('timeline.by', { who: entry.actor })}</div> : null}
          {entry.note ? (
            <div className="muted" lang="en" dir="ltr">
              {entry.note}
            </div>
          ) : null}
        </>
      );
    case 'escalation':
      return (
        <>
          <strong className="escalated">
            {entry.pending
              ? t('timeline.escalationPending', { level: digits(entry.level ?? 1) })
              : t('timeline.escalation', {
                  level: digits(entry.level ?? 1),
                  to: isParty(entry.to) ? title(entry.to.title) : '',
                })}
          </strong>
          {entry.action ? (
            <div>{t(`escalationActions.${entry.action}`, { defaultValue: entry.action })}</div>
          ) : null}
          {entry.reason ? (
            <div className="muted" lang="en" dir="ltr">
              {entry.reason}
            </div>
          ) : null}
        </>
      );
    case 'deadline':
      return (
        <>
          <strong>
            {t('timeline.deadline', {
              from: isWhen(entry.from) ? date(entry.from) : '',
              to: isWhen(entry.to) ? date(entry.to) : '',
            })}
          </strong>
          {entry.reason ? <div dir="auto">{entry.reason}</div> : null}
        </>
      );
    case 'suspension':
      return (
        <>
          <strong>
            {isWhen(entry.to)
              ? t('timeline.suspension', { to: date(entry.to) })
              : t('timeline.suspensionOpen')}
          </strong>
          {entry.reason ? <div dir="auto">{entry.reason}</div> : null}
        </>
      );
    default:
      return <strong>{t('timeline.move')}</strong>;
  }
}

export function Timeline({ entries, plan }: { entries: HistoryEntry[] | undefined; plan: Plan | undefined }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  if (!entries) return null;
  return (
    <section aria-labelledby="timeline-heading" className="card">
      <h2 id="timeline-heading">{t('timeline.title')}</h2>
      <ol className="timeline">
        {entries.map((entry, index) => (
          <li key={`${entry.at.at}-${index}`} className={`timeline-${entry.what}`}>
            <time dateTime={entry.at.at}>{date(entry.at)}</time>
            <div>
              <Entry entry={entry} plan={plan} />
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
