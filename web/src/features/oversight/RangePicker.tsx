/**
 * The days a report covers, kept in the address: the last week, four weeks, quarter or year, or
 * two days of the Persian calendar typed as people write them (Persian or Latin digits).
 */
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useFormat } from '../../shared/format';
import { gregorianOf, jalaliOf } from '../../shared/format/jalali-day';
import { RANGES, rangeChoiceOf, type RangeChoice } from './dashboard-data';

const CUSTOM = 'custom';

/** The choice in the address; the same object while the address says the same. */
export function useRangeChoice(): RangeChoice {
  const [params] = useSearchParams();
  const search = params.toString();
  return useMemo(() => rangeChoiceOf(new URLSearchParams(search)), [search]);
}

/** What is wrong with the two days typed, in words of the catalog; undefined when they make a range. */
function faultOf(from: string, to: string): 'day' | 'order' | undefined {
  const first = gregorianOf(from);
  const last = gregorianOf(to);
  if (!first || !last) return 'day';
  return first > last ? 'order' : undefined;
}

/** One of the two days, typed in the Persian calendar. */
function DayField(props: {
  id: string;
  label: string;
  example: string;
  value: string;
  onChange: (value: string) => void;
  fault: string | undefined;
}) {
  const { digits } = useFormat();
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        inputMode="numeric"
        dir="ltr"
        placeholder={digits(props.example)}
        value={props.value}
        aria-invalid={props.fault ? true : undefined}
        aria-describedby={props.fault ? 'range-fault' : undefined}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </div>
  );
}

export function RangePicker() {
  const { t } = useTranslation();
  const { digits } = useFormat();
  const [params, setParams] = useSearchParams();
  const choice = useRangeChoice();
  const [custom, setCustom] = useState('from' in choice);
  const [from, setFrom] = useState('from' in choice ? digits(jalaliOf(choice.from)) : '');
  const [to, setTo] = useState('from' in choice ? digits(jalaliOf(choice.to)) : '');
  const [fault, setFault] = useState<'day' | 'order'>();

  const choose = (value: string) => {
    if (value === CUSTOM) return setCustom(true);
    setCustom(false);
    const next = new URLSearchParams(params);
    next.delete('from');
    next.delete('to');
    next.set('range', value);
    setParams(next, { replace: true });
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const wrong = faultOf(from, to);
    setFault(wrong);
    if (wrong) return;
    const next = new URLSearchParams(params);
    next.delete('range');
    next.set('from', jalaliOf(gregorianOf(from) as string));
    next.set('to', jalaliOf(gregorianOf(to) as string));
    setParams(next, { replace: true });
  };

  return (
    <div className="range">
      <div className="field">
        <label htmlFor="range">{t('dashboard.range.label')}</label>
        <select
          id="range"
          value={custom ? CUSTOM : 'days' in choice ? choice.days : CUSTOM}
          onChange={(event) => choose(event.target.value)}
        >
          {RANGES.map((value) => (
            <option key={value} value={value}>
              {t(`dashboard.range.days${value}`, { n: digits(value) })}
            </option>
          ))}
          <option value={CUSTOM}>{t('dashboard.range.custom')}</option>
        </select>
      </div>
      {custom ? (
        <form className="range-days" onSubmit={apply} noValidate>
          <DayField
            id="range-from"
            label={t('dashboard.range.from')}
            example="1405/08/01"
            value={from}
            onChange={setFrom}
            fault={fault}
          />
          <DayField
            id="range-to"
            label={t('dashboard.range.to')}
            example="1405/09/01"
            value={to}
            onChange={setTo}
            fault={fault}
          />
          <button type="submit">{t('dashboard.range.apply')}</button>
          {fault ? (
            <p id="range-fault" className="field-error" role="alert">
              {t(`dashboard.range.fault.${fault}`)}
            </p>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
