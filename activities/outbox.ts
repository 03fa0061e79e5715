/**
 * Where notifications go: an append-only outbox file of JSON lines that a delivery channel
 * (SMS gateway, email, the staff portal) can drain. Appends are single writes, so concurrent
 * activities never interleave within a line.
 */
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Title } from '../lib/plan/types';

export type NotificationKind = 'message' | 'sla-reminder' | 'sla-breach' | 'request-ended';

export interface Notification {
  kind: NotificationKind;
  /** Principal it is for: office:..., department:..., head:..., or applicant. */
  to: string;
  trackingCode: string;
  taskId?: string;
  message: Title;
}

export interface OutboxEntry extends Notification {
  queuedAt: string;
}

export class Outbox {
  constructor(readonly path: string) {}

  async append(notification: Notification): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const entry: OutboxEntry = { queuedAt: new Date().toISOString(), ...notification };
    await appendFile(this.path, `${JSON.stringify(entry)}\n`, 'utf8');
  }

  async read(): Promise<OutboxEntry[]> {
    const text = await readFile(this.path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as OutboxEntry);
  }
}
