/**
 * Sends the deliveries the store queues, a few at a time: each is claimed (committed) before it is
 * sent and marked sent after, so none goes out twice. A send that fails before anything left is
 * tried again later, up to a limit; one a crash interrupted is left uncertain for operations.
 */
import type { Logger } from '../../lib/logger';
import type { Database } from '../../store/database';
import { claimDue, markAbandonedUncertain, markFailed, markSent } from '../../store/deliveries';
import type { Channel } from './channels';

export interface DispatcherOptions {
  /** Names this dispatcher on the rows it claims. */
  name: string;
  /** How often the queue is read when it was empty. */
  pollMs?: number;
  /** A delivery left sending longer than this was abandoned by a dispatcher that stopped. */
  abandonedAfterMs?: number;
  maxAttempts?: number;
}

/** One at a time: a crash can leave at most the delivery being sent in doubt, never a batch. */
const BATCH = 1;

export function startDispatcher(
  db: Database,
  channels: Channel[],
  logger: Logger,
  options: DispatcherOptions,
) {
  const byName = new Map(channels.map((channel) => [channel.name as string, channel]));
  const pollMs = options.pollMs ?? 1_000;
  const abandonedAfterMs = options.abandonedAfterMs ?? 120_000;
  const maxAttempts = options.maxAttempts ?? 8;
  let stopping = false;
  let wake: (() => void) | undefined;

  const round = async (): Promise<number> => {
    const uncertain = await markAbandonedUncertain(db, abandonedAfterMs);
    if (uncertain > 0) logger.warn({ uncertain }, 'deliveries interrupted while sending: not sent again');
    const due = await claimDue(db, options.name, BATCH);
    for (const delivery of due) {
      const channel = byName.get(delivery.channel);
      try {
        if (!channel) throw new Error(`no ${delivery.channel} channel is configured`);
        await channel.send(delivery);
        await markSent(db, delivery);
      } catch (error) {
        const retry =
          delivery.attempts < maxAttempts ? Math.min(3_600_000, 5_000 * 4 ** delivery.attempts) : undefined;
        await markFailed(db, delivery, (error as Error).message, retry);
        logger.warn(
          { notification: delivery.notificationId, channel: delivery.channel, err: error },
          'delivery failed',
        );
      }
    }
    return due.length;
  };

  const loop = (async () => {
    while (!stopping) {
      let sent = 0;
      try {
        sent = await round();
      } catch (error) {
        logger.error({ err: error }, 'delivery round failed');
      }
      if (sent === 0 && !stopping)
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, pollMs);
        });
    }
  })();

  return {
    /** Finishes the send under way, then stops. */
    async stop() {
      stopping = true;
      wake?.();
      await loop;
    },
  };
}
