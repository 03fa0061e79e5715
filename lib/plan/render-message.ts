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
        if (typeof value === 'string') return value;
        if (typeof value === 'number' || typeof value === 'boolean') return String(value);
        return value === undefined || value === null ? '' : JSON.stringify(value);
      }
      return whole;
    });
  return { fa: fill(template.fa, 'fa'), en: fill(template.en, 'en') };
}
