/**
 * Where managers, inspectors and administrators land (oversight), and process designers
 * (design), until their own pages come: what they will find here, and what they can use now.
 */
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../shared/components/Page';
import { useFormat } from '../../shared/format';
import { useSignedIn } from '../../shared/session';

export default function PlaceholderHome({ kind }: { kind: 'oversight' | 'design' }) {
  const { t } = useTranslation();
  const { title } = useFormat();
  const { me } = useSignedIn();
  return (
    <section className="narrow">
      <PageHeading title={t(`home.${kind}.title`)}>{t(`home.${kind}.title`)}</PageHeading>
      <p>{t('home.greeting', { name: me.name ?? me.sub, city: title(me.city.title) })}</p>
      <p>{t(`home.${kind}.body`)}</p>
      <p>
        {t('home.api')} <a href="/api/openapi.json">/api/openapi.json</a>
      </p>
    </section>
  );
}
