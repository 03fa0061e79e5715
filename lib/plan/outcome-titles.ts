/**
 * Titles of the outcomes most steps use, so definitions need not repeat them.
 */
import type { Title } from '../generated/service-definition';

export const STANDARD_OUTCOMES: Readonly<Record<string, Title>> = {
  done: { fa: 'انجام شد', en: 'Done' },
  submit: { fa: 'ثبت و ارسال', en: 'Submit' },
  approve: { fa: 'تأیید', en: 'Approve' },
  reject: { fa: 'رد', en: 'Reject' },
  return: { fa: 'بازگشت برای اصلاح', en: 'Return for correction' },
  paid: { fa: 'پرداخت شد', en: 'Paid' },
  issue: { fa: 'صدور', en: 'Issue' },
};

/** How many times an outcome that leads back may be taken when the definition does not say. */
export const DEFAULT_MAX_TIMES = 3;

/** What the treasury records when it confirms a payment. */
export const PAYMENT_FORM: Readonly<Record<string, unknown>> = {
  type: 'object',
  required: ['receipt'],
  additionalProperties: false,
  properties: {
    receipt: {
      type: 'string',
      minLength: 1,
      title: 'شماره رسید خزانه',
      description: 'Treasury receipt or payment reference',
    },
  },
};
