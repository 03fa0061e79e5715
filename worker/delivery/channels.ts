/**
 * Where notifications go beyond the web app, as a deployment configures them: a webhook (one
 * POST per notification, with its id as the Idempotency-Key and an HMAC signature of the body)
 * and e-mail (to each person of the unit who has an address, with the notification's id in the
 * Message-ID). A channel's `send` throws when nothing left, so the delivery can be tried again.
 */
import { createHmac } from 'node:crypto';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { Delivery } from '../../store/deliveries';

export interface Channel {
  name: 'webhook' | 'email';
  send(delivery: Delivery): Promise<void>;
}

/** How long a send may take before it counts as failed. */
const SEND_TIMEOUT_MS = 20_000;

export function webhookChannel(url: string, secret: string | undefined): Channel {
  return {
    name: 'webhook',
    async send(delivery) {
      const body = JSON.stringify({
        id: delivery.notificationId,
        kind: delivery.kind,
        at: delivery.at,
        trackingCode: delivery.trackingCode,
        ...(delivery.taskId ? { taskId: delivery.taskId } : {}),
        recipient: delivery.recipient,
        message: delivery.message,
      });
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': delivery.notificationId,
          ...(secret
            ? { 'x-pishkhan-signature': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}` }
            : {}),
        },
        body,
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
      if (!response.ok) throw new Error(`the webhook answered ${response.status}`);
    },
  };
}

export function emailChannel(smtpUrl: string, from: string): Channel {
  const transport = nodemailer.createTransport(
    {
      url: smtpUrl,
      connectionTimeout: SEND_TIMEOUT_MS,
      greetingTimeout: SEND_TIMEOUT_MS,
      socketTimeout: SEND_TIMEOUT_MS,
    } as SMTPTransport.Options,
    { from },
  );
  return {
    name: 'email',
    async send(delivery) {
      await transport.sendMail({
        to: delivery.address,
        subject: delivery.message.fa,
        text: `${delivery.message.fa}\n\n${delivery.message.en}\n\nکد رهگیری / Tracking code: ${delivery.trackingCode}\n`,
        messageId: `<${delivery.notificationId}@pishkhan>`,
        headers: { 'Content-Language': 'fa, en' },
      });
    },
  };
}
