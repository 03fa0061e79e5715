/**
 * Who a notification reaches beyond the web app: the webhook gets every one; e-mail goes to each
 * person who acts for the unit it was sent to (their office, their department unit and roles, a
 * head for the head's principal) and has an address in the organisation.
 */
import { actsFor } from '../../api/auth/actor';
import { claimsOfPerson } from '../../api/auth/people';
import type { Organisation } from '../../lib/organisation/organisation';
import type { Queryable } from '../../store/database';
import { planDelivery } from '../../store/deliveries';
import type { DeliveryPlanner, StoredNotification } from '../../store/notification-delivery';
import type { Channel } from './channels';

export function deliveryPlanner(org: Organisation, channels: Channel[]): DeliveryPlanner | undefined {
  if (channels.length === 0) return undefined;
  const people = org.people().filter((person) => person.email);
  return {
    async plan(tx: Queryable, notification: StoredNotification) {
      for (const channel of channels) {
        if (channel.name === 'webhook') {
          await planDelivery(tx, { notificationId: notification.id, channel: 'webhook', address: 'webhook' });
          continue;
        }
        const [request] = await tx.query<{ district: string }>(
          'SELECT district FROM requests WHERE tracking_code = $1',
          [notification.trackingCode],
        );
        const held = { principal: notification.recipient, district: request?.district ?? '' };
        for (const person of people) {
          if (person.email && actsFor(claimsOfPerson(person), held, org))
            await planDelivery(tx, {
              notificationId: notification.id,
              channel: 'email',
              address: person.email,
            });
        }
      }
    },
  };
}
