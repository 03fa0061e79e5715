/** The date range a report covers: the last week, four weeks, quarter or year, kept in the address. */
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useFormat } from '../../shared/format';
import { RANGES, rangeDaysOf, type RangeDays } from './dashboard-data';

export function useRangeDays(): RangeDays {
  const [params] = useSearchParams();
  return rangeDaysOf(params.get('range'));
}

export function RangePicker() {
  const { t } = useTranslation();
  const { digits } = useFormat();
  const [params, setParams] = useSearchParams();
  const days = rangeDaysOf(params.get('range'));
  return (
    <div className="field range">
      <label htmlFor="range">{t('dashboard.range.label')}</label>
      <select
        id="range"
        value={days}
        onChange={(event) => {
          const next = new URLSearchParams(params);
          next.set('range', event.target.value);
          setParams(next, { replace: true });
        }}
      >
        {RANGES.map((value) => (
          <option key={value} value={value}>
            {t(`dashboard.range.days${value}`, { n: digits(value) })}
          </option>
        ))}
      </select>
    </div>
  );
}
