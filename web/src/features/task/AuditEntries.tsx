/** The audit trail of one request, for managers and inspectors: who changed what, when, with what result. */
import { useTranslation } from 'react-i18next';
import type { AuditPage } from '../../shared/api/oversight-types';
import { useFormat } from '../../shared/format';
import { useApi } from '../../shared/use-api';

export function AuditEntries({ code }: { code: string }) {
  const { t } = useTranslation();
  const { instant } = useFormat();
  const audit = useApi<AuditPage>(`/api/audit?trackingCode=${code}&pageSize=50`);
  const items = audit.data?.items ?? [];
  return (
    <section aria-labelledby="audit-heading" className="card">
      <h2 id="audit-heading">{t('audit.title')}</h2>
      {audit.data && items.length === 0 ? <p className="empty">{t('audit.empty')}</p> : null}
      {items.length > 0 ? (
        <ol className="timeline audit">
          {items.map((entry) => (
            <li key={entry.seq}>
              <time dateTime={entry.at}>{instant(entry.at)}</time>{' '}
              <strong>{t(`audit.actions.${entry.action}`, { defaultValue: entry.action })}</strong> ·{' '}
              {t('timeline.by', { who: entry.actor.name ?? entry.actor.subject })}
              {entry.result.problem ? (
                <span className="muted"> · {t('audit.refused', { problem: entry.result.problem })}</span>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
