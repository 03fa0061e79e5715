/**
 * The services a person may take in at their desk (an office's, or a department's), searched
 * by words of their Persian or English title, grouped by domain.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading, PageHeading } from '../../shared/components/Page';
import { useServices } from '../../shared/catalog';
import { useFormat } from '../../shared/format';
import { useSignedIn } from '../../shared/session';

/** Letters as people type them: Arabic kaf and yeh as Persian ones, no zero-width joiners. */
const searchable = (text: string) =>
  text
    .toLowerCase()
    .replace(/ك/g, 'ک')
    .replace(/ي/g, 'ی')
    .replace(/\u200c/g, ' ');

export default function CatalogPage() {
  const { t } = useTranslation();
  const { title } = useFormat();
  const { me } = useSignedIn();
  const services = useServices();
  const [words, setWords] = useState('');
  const channel = me.role === 'office' ? 'office' : 'department';

  const shown = useMemo(() => {
    const wanted = searchable(words.trim()).split(/\s+/).filter(Boolean);
    return (services ?? [])
      .filter((service) => service.intake?.includes(channel))
      .filter((service) => {
        const text = searchable(`${service.title.fa} ${service.title.en} ${service.id}`);
        return wanted.every((word) => text.includes(word));
      });
  }, [services, words, channel]);
  const domains = [...new Set(shown.map((service) => service.domain))];

  return (
    <section>
      <PageHeading title={t('intake.catalog.title')}>{t('intake.catalog.title')}</PageHeading>
      <div className="field">
        <label htmlFor="catalog-search">{t('intake.catalog.search')}</label>
        <input id="catalog-search" type="search" value={words} onChange={(e) => setWords(e.target.value)} />
      </div>
      {!services ? <Loading /> : null}
      {services && shown.length === 0 ? <p className="empty">{t('intake.catalog.none')}</p> : null}
      {domains.map((domain) => (
        <section key={domain} aria-labelledby={`domain-${domain}`}>
          <h2 id={`domain-${domain}`}>{t(`domains.${domain}`, { defaultValue: domain })}</h2>
          <ul className="services">
            {shown
              .filter((service) => service.domain === domain)
              .map((service) => (
                <li key={service.id}>
                  <Link to={`/intake/${service.id}`}>{title(service.title)}</Link>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
