/**
 * Worklists and task completion, for offices and departments.
 */
import { Router } from 'express';
import type { Presenter } from '../present';
import type { RequestService } from '../request-service';
import { completeTaskBody, taskListQuery } from '../schemas';
import { idempotencyKey, validateBody, validateQuery } from '../validation';

export function taskRoutes(service: RequestService, present: Presenter): Router {
  const router = Router();

  router.get('/', validateQuery(taskListQuery), async (req, res) => {
    const tasks = await service.tasksOf(req.query.assignee as string);
    res.json({
      total: tasks.length,
      items: tasks.map((task) => ({ ...task, deadline: present.when(task.deadline) })),
    });
  });

  router.post('/:taskId/complete', validateBody(completeTaskBody), async (req, res) => {
    const body = req.body as {
      outcome: string;
      data?: Record<string, unknown>;
      actor?: string;
      actingAs?: string;
    };
    const key = idempotencyKey(req);
    res.json(present.status(await service.completeTask(String(req.params.taskId), body, key)));
  });

  return router;
}
