/**
 * A person's notifications: what the requests sent to the units they belong to (reminders,
 * breaches, escalations, messages), and the applicant's own; each read or unread for them.
 */
import { Router } from 'express';
import { listNotifications, markAllRead, markRead } from '../../store/notifications';
import * as answer from '../answers';
import { actorName, type Actor } from '../auth/actor';
import type { ApiContext } from '../context';
import { ProblemError } from '../problem';
import { notificationsQuery, pathText } from '../schemas';

const everyone = ['office', 'department', 'manager', 'inspector', 'admin', 'citizen'] as const;

export function notificationRoutes(ctx: ApiContext): Router {
  const router = Router();
  const { registry, present, store, work } = ctx;
  const tag = 'Notifications';

  registry.mount(
    router,
    {
      id: 'listNotifications',
      method: 'get',
      path: '/api/notifications',
      tag,
      summary: 'Your notifications, newest first',
      description:
        'What was sent to your office or department unit (your roles in it; for a head, the escalations to the unit), or to your request as its applicant. `unread=true` lists only the unread. Managers, inspectors and admins see every notification.',
      access: everyone,
      query: notificationsQuery,
      responses: { 200: { description: 'One page of notifications', schema: answer.notifications } },
    },
    async (call) => {
      const actor = call.actor as Actor;
      const page = { page: Number(call.query.page ?? 1), pageSize: Number(call.query.pageSize ?? 20) };
      const found = await listNotifications(store.db, work.scopeOf(actor), actorName(actor), {
        unreadOnly: call.query.unread === 'true',
        ...page,
      });
      return {
        body: {
          total: found.total,
          unread: found.unread,
          ...page,
          items: found.items.map((item) => ({ ...item, at: present.when(item.at) })),
        },
      };
    },
  );

  registry.mount(
    router,
    {
      id: 'readNotification',
      method: 'post',
      path: '/api/notifications/{notificationId}/read',
      tag,
      summary: 'Mark a notification read',
      access: everyone,
      params: { notificationId: pathText },
      responses: { 204: { description: 'Read' } },
      problems: ['not-found'],
    },
    async (call) => {
      const actor = call.actor as Actor;
      const id = String(call.params.notificationId);
      if (!(await markRead(store.db, work.scopeOf(actor), actorName(actor), id)))
        throw new ProblemError('not-found', `You have no notification ${id}.`);
      return { status: 204, body: undefined };
    },
  );

  registry.mount(
    router,
    {
      id: 'readAllNotifications',
      method: 'post',
      path: '/api/notifications/read-all',
      tag,
      summary: 'Mark all your notifications read',
      access: everyone,
      responses: { 200: { description: 'How many were unread', schema: answer.notificationsMarked } },
    },
    async (call) => {
      const actor = call.actor as Actor;
      return { body: { marked: await markAllRead(store.db, work.scopeOf(actor), actorName(actor)) } };
    },
  );

  return router;
}
