/**
 * Fills in a notify step's message: {trackingCode}, {service} and {data.<field>}.
 * Pure, so workflow code may call it.
 */
import type { Title } from './types';

export function renderMessage(
  template: Title,
  values: { trackingCode: string; service: Title; data: Readonly<Record<string, unknown>> },
): Title {
  const fill = (text: string, language: 'fa' | 'en') =>
    text.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
      if (name === 'trackingCode') return values.trackingCode;
      if (name === 'service') return values.service[language];
      if (name.startsWith('data.')) {
        const value = values.data[name.slice(5)];
        if (value === undefined || value === null) return '';
        return typeof value === 'object' ? JSON.stringify(value) : String(value);
      }
      return whole;
    });
  return { fa: fill(template.fa, 'fa'), en: fill(template.en, 'en') };
}
