/**
 * How things read in the chosen language: titles, Persian digits, Jalali dates as the API
 * gives them, amounts in rials, and working time left in working days or hours.
 */
import { useTranslation } from 'react-i18next';
import type { Title, When } from '../api/types';
import { cityClock } from './city-clock';

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

/** Latin digits as Persian ones. */
export const persianDigits = (text: string): string =>
  text.replace(/[0-9]/g, (digit) => PERSIAN_DIGITS[Number(digit)] ?? digit);

/** Persian and Arabic-Indic digits as Latin ones: what people type, as the API reads it. */
export const latinDigits = (text: string): string =>
  text
    .replace(/[۰-۹]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0))
    .replace(/[٠-٩]/g, (digit) => String(digit.charCodeAt(0) - 0x0660));

export interface Format {
  language: 'fa' | 'en';
  title: (title: Title | undefined) => string;
  digits: (text: string | number) => string;
  date: (when: When | undefined) => string;
  /** Only the day of a Jalali date and time. */
  day: (when: When | undefined) => string;
  rials: (amount: number) => string;
  number: (value: number) => string;
  /** An ISO instant as the Jalali date and time in Tehran. */
  instant: (iso: string) => string;
}

// Made once per language, when first used: the first costs tens of milliseconds of locale data,
// and a list formats in every row.
const numberFormats = new Map<'fa' | 'en', Intl.NumberFormat>();
function numberFormat(language: 'fa' | 'en'): Intl.NumberFormat {
  let made = numberFormats.get(language);
  if (!made) {
    made = new Intl.NumberFormat(language === 'fa' ? 'fa-IR' : 'en-US');
    numberFormats.set(language, made);
  }
  return made;
}

/**
 * A count as the language's number format writes it (۱۲٬۳۴۵; 12,345), without its locale data:
 * pages of figures show counts long before any other number, and loading it costs tens of ms.
 */
export function formatNumber(value: number, language: 'fa' | 'en'): string {
  if (!Number.isSafeInteger(value) || value < 0) return numberFormat(language).format(value);
  const grouped = String(value).replace(/\B(?=(\d{3})+(?!\d))/g, language === 'fa' ? '\u066c' : ',');
  return language === 'fa' ? persianDigits(grouped) : grouped;
}

export function useFormat(): Format {
  const { i18n, t } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'fa';
  const digits = (text: string | number) => (language === 'fa' ? persianDigits(String(text)) : String(text));
  return {
    language,
    title: (title) => (title ? title[language] || title.fa : ''),
    digits,
    date: (when) => (when ? digits(when.jalali) : ''),
    day: (when) => (when ? digits(when.jalali.split(' ')[0] ?? '') : ''),
    rials: (amount) => t('money.rials', { amount: formatNumber(amount, language) }),
    number: (value) => formatNumber(value, language),
    instant: (iso) => jalaliInstant(iso, language),
  };
}

/** An ISO instant as the Persian calendar's date and time in Tehran: 1404/09/09 14:05. */
export function jalaliInstant(iso: string, language: 'fa' | 'en'): string {
  const { year, month, day, hour, minute } = cityClock(new Date(iso), 'persian');
  const text = `${year}/${month}/${day} ${hour}:${minute}`;
  return language === 'fa' ? persianDigits(text) : text;
}

/**
 * Time to a deadline as whole days (of `dayMinutes`: a working day, or 1,440 on a clock that
 * counts every minute), or hours, or minutes under an hour; negative minutes are past it.
 */
export function workingTimeParts(
  left: number,
  dayMinutes: number,
): { unit: 'days' | 'hours' | 'minutes'; count: number; past: boolean } {
  const past = left < 0;
  const minutes = Math.abs(left);
  if (minutes >= dayMinutes) return { unit: 'days', count: Math.floor(minutes / dayMinutes), past };
  if (minutes >= 60) return { unit: 'hours', count: Math.floor(minutes / 60), past };
  return { unit: 'minutes', count: Math.max(1, Math.round(minutes)), past };
}
