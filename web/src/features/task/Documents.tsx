/** The documents the service asks for, the optional ones marked. */
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../shared/api/types';
import { useFormat } from '../../shared/format';

export function Documents({ plan, heading }: { plan: Plan | undefined; heading?: string }) {
  const { t } = useTranslation();
  const { title } = useFormat();
  if (!plan || plan.documents.length === 0) return null;
  return (
    <section aria-labelledby="documents-heading" className="card">
      <h2 id="documents-heading">{heading ?? t('request.documents.title')}</h2>
      <ul className="documents">
        {plan.documents.map((document) => (
          <li key={document.id}>
            {title(document.title)}
            {document.optional ? <span className="muted"> ({t('request.documents.optional')})</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
