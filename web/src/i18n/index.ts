/**
 * The message catalogs: Persian first (right to left), English on the switch. Every label,
 * message and error a person reads is in fa.json and en.json under the same key; the page's
 * language and direction follow the choice, which is kept for the next visit.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import fa from './fa.json';

export type Language = 'fa' | 'en';
const KEY = 'pishkhan.language';

function stored(): Language {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'fa';
  } catch {
    return 'fa';
  }
}

/** The language chosen: i18next's once it has started, the kept choice before. */
export function currentLanguage(): Language {
  const language = i18n.language || stored();
  return language === 'en' ? 'en' : 'fa';
}

function applyToPage(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = language === 'fa' ? 'rtl' : 'ltr';
}

export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(KEY, language);
  } catch {
    // A browser that keeps nothing still switches for this visit.
  }
  void i18n.changeLanguage(language);
}

export function startI18n(): typeof i18n {
  const language = stored();
  applyToPage(language);
  i18n.on('languageChanged', (next) => applyToPage(next === 'en' ? 'en' : 'fa'));
  void i18n.use(initReactI18next).init({
    resources: { fa: { translation: fa }, en: { translation: en } },
    lng: language,
    fallbackLng: 'fa',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18n;
}
