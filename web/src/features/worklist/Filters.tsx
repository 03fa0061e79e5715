/** Narrowing the worklist: by service, district, step, and a search by tracking code or national id. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Place } from '../../shared/api/types';
import { usePlan, useServices } from '../../shared/catalog';
import { latinDigits, useFormat } from '../../shared/format';
import { isSearchTerm, type WorklistFilters } from './worklist-query';

const WORK_KINDS = ['task', 'inquiry', 'payment'];

export function Filters(props: {
  filters: WorklistFilters;
  districts: Place[];
  onChange: (change: Partial<WorklistFilters>) => void;
}) {
  const { t } = useTranslation();
  const { title } = useFormat();
  const services = useServices();
  const { plan } = usePlan(props.filters.service);
  const [text, setText] = useState(props.filters.q ?? '');
  const [searchFault, setSearchFault] = useState(false);
  const steps = plan ? Object.values(plan.steps).filter((step) => WORK_KINDS.includes(step.kind)) : [];

  const search = (event: FormEvent) => {
    event.preventDefault();
    const term = latinDigits(text.trim());
    if (term !== '' && !isSearchTerm(term)) return setSearchFault(true);
    setSearchFault(false);
    props.onChange({ q: term || undefined });
  };

  return (
    <div className="filters">
      <form role="search" onSubmit={search} className="search">
        <div className={searchFault ? 'field invalid' : 'field'}>
          <label htmlFor="worklist-q">{t('worklist.search.label')}</label>
          <input
            id="worklist-q"
            type="search"
            inputMode="numeric"
            value={text}
            onChange={(e) => setText(e.target.value)}
            {...(searchFault ? { 'aria-invalid': true, 'aria-describedby': 'worklist-q-error' } : {})}
          />
          {searchFault ? (
            <p className="field-error" id="worklist-q-error">
              {t('worklist.search.fault')}
            </p>
          ) : null}
        </div>
        <button type="submit">{t('worklist.search.button')}</button>
      </form>
      <div className="field">
        <label htmlFor="filter-service">{t('worklist.filters.service')}</label>
        <select
          id="filter-service"
          value={props.filters.service ?? ''}
          onChange={(e) => props.onChange({ service: e.target.value || undefined, step: undefined })}
        >
          <option value="">{t('worklist.filters.any')}</option>
          {(services ?? []).map((service) => (
            <option key={service.id} value={service.id}>
              {title(service.title)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-step">{t('worklist.filters.step')}</label>
        <select
          id="filter-step"
          value={props.filters.step ?? ''}
          disabled={!plan}
          onChange={(e) => props.onChange({ step: e.target.value || undefined })}
        >
          <option value="">{t('worklist.filters.any')}</option>
          {steps.map((step) => (
            <option key={step.id} value={step.id}>
              {title(step.title)}
            </option>
          ))}
        </select>
      </div>
      {props.districts.length > 1 ? (
        <div className="field">
          <label htmlFor="filter-district">{t('worklist.filters.district')}</label>
          <select
            id="filter-district"
            value={props.filters.district ?? ''}
            onChange={(e) => props.onChange({ district: e.target.value || undefined })}
          >
            <option value="">{t('worklist.filters.any')}</option>
            {props.districts.map((district) => (
              <option key={district.id} value={district.id}>
                {title(district.title)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </div>
  );
}
