/**
 * The delivery of notifications a deployment configures: its channels, the planner the work
 * store queues deliveries with, and the dispatcher a worker runs to send them.
 */
import type { DeliveryConfig } from '../../lib/config';
import type { Organisation } from '../../lib/organisation/organisation';
import { emailChannel, webhookChannel, type Channel } from './channels';
import { deliveryPlanner } from './planner';

export { startDispatcher } from './dispatcher';
export type { Channel };

export function deliveryChannels(config: DeliveryConfig): Channel[] {
  return [
    ...(config.webhook ? [webhookChannel(config.webhook.url, config.webhook.secret)] : []),
    ...(config.email ? [emailChannel(config.email.smtpUrl, config.email.from)] : []),
  ];
}

export function deliveriesFor(config: DeliveryConfig, org: Organisation) {
  const channels = deliveryChannels(config);
  return { channels, planner: deliveryPlanner(org, channels) };
}
