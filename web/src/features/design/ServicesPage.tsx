/**
 * Where process designers land: every service with its latest version, how many versions it has
 * and the requests running on each; a few words find one; a new service starts from the template
 * or from a copy of another.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { DesignService } from '../../shared/api/oversight-types';
import { Loading, PageHeading } from '../../shared/components/Page';
import { ProblemAlert } from '../../shared/components/ProblemAlert';
import { useFormat } from '../../shared/format';
import { useApi } from '../../shared/use-api';
import { SERVICE_ID } from './template';

function NewService({ services }: { services: DesignService[] }) {
  const { t } = useTranslation();
  const { title } = useFormat();
  const navigate = useNavigate();
  const [id, setId] = useState('');
  const [from, setFrom] = useState('');
  const [touched, setTouched] = useState(false);
  const taken = services.some((s) => s.id === id);
  const bad = !SERVICE_ID.test(id) || taken;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (bad) return;
    void navigate(`/design/new?id=${id}${from ? `&from=${from}` : ''}`);
  };
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="new-heading">
      <h2 id="new-heading">{t('design.new.title')}</h2>
      <div className={touched && bad ? 'field invalid' : 'field'}>
        <label htmlFor="new-id">{t('design.new.id')}</label>
        <input
          id="new-id"
          dir="ltr"
          value={id}
          onChange={(e) => setId(e.target.value.trim())}
          aria-invalid={touched && bad}
          aria-describedby="new-id-hint"
        />
        <p id="new-id-hint" className={touched && bad ? 'field-error' : 'muted'}>
          {taken ? t('design.new.taken') : t('design.new.idHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="new-from">{t('design.new.from')}</label>
        <select id="new-from" value={from} onChange={(e) => setFrom(e.target.value)}>
          <option value="">{t('design.new.template')}</option>
          {services.map((s) => (
            <option key={s.id} value={s.id}>
              {title(s.title)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="primary">
        {t('design.new.start')}
      </button>
    </form>
  );
}

export default function ServicesPage() {
  const { t } = useTranslation();
  const { title, digits, number } = useFormat();
  const services = useApi<{ items: DesignService[] }>('/api/design/services');
  const [words, setWords] = useState('');
  const items = (services.data?.items ?? []).filter((s) => {
    const text = words.trim().toLowerCase();
    return (
      !text ||
      s.id.includes(text) ||
      s.title.fa.includes(words.trim()) ||
      s.title.en.toLowerCase().includes(text)
    );
  });
  return (
    <section>
      <PageHeading title={t('design.services.title')}>{t('design.services.title')}</PageHeading>
      <ProblemAlert problem={services.problem} />
      {!services.data ? <Loading /> : null}
      {services.data ? (
        <div className="columns design-home">
          <div>
            <div className="field">
              <label htmlFor="find-service">{t('design.services.find')}</label>
              <input
                id="find-service"
                type="search"
                value={words}
                onChange={(e) => setWords(e.target.value)}
              />
            </div>
            <table className="services-table">
              <caption className="visually-hidden">{t('design.services.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('design.services.service')}</th>
                  <th scope="col">{t('design.services.domain')}</th>
                  <th scope="col">{t('design.services.version')}</th>
                  <th scope="col">{t('design.services.running')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((s) => (
                  <tr key={s.id} data-service={s.id}>
                    <th scope="row">
                      <Link to={`/design/services/${s.id}`}>{title(s.title)}</Link>
                      <div className="muted code">{s.id}</div>
                    </th>
                    <td>{t(`domains.${s.domain}`, { defaultValue: s.domain })}</td>
                    <td>
                      {t('design.services.versionOf', {
                        version: digits(s.version),
                        n: digits(s.versions.length),
                      })}
                    </td>
                    <td>
                      {s.running === 0
                        ? number(0)
                        : s.versions
                            .filter((v) => v.running > 0)
                            .map((v) =>
                              t('design.services.runningOn', {
                                n: number(v.running),
                                version: digits(v.version),
                              }),
                            )
                            .join('، ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <NewService services={services.data.items} />
        </div>
      ) : null}
    </section>
  );
}
