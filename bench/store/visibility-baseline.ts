/**
 * The read side as it was before the work store, kept to measure against: worklists, the breach
 * list and summaries built by listing running workflows from Temporal's visibility (narrowed by
 * search attributes, each carrying its open tasks in its memo), then filtering, sorting, counting
 * and paging in memory. Served over HTTP like the API, so both paths pay the same for the wire.
 * The requests are stand-ins: workflows started with the search attributes and memo a request
 * used to publish, waiting.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client, WorkflowExecutionInfo } from '@temporalio/client';
import express from 'express';
import { SA } from '../../lib/temporal/search-attributes';

export interface OpenTaskMemo {
  taskId: string;
  stepId: string;
  title: { fa: string; en: string };
  assignee: { principal: string; title: { fa: string; en: string } };
  deadline: string;
  sla: 'ok' | 'at-risk' | 'breached';
  escalationLevel: number;
  escalatedTo: string[];
  claimedBy?: string;
}

type Item = OpenTaskMemo & { trackingCode: string; serviceId: string; district: string };

const quoted = (value: string) => `'${value.replaceAll("'", "''")}'`;

async function items(client: Client, taskQueue: string, where: string[]): Promise<Item[]> {
  const query = [`TaskQueue = ${quoted(taskQueue)}`, `ExecutionStatus = 'Running'`, ...where].join(' AND ');
  const found: Item[] = [];
  for await (const info of client.workflow.list({ query })) found.push(...tasksOf(info));
  return found;
}

function tasksOf(info: WorkflowExecutionInfo): Item[] {
  const tasks = (info.memo?.openTasks as OpenTaskMemo[] | undefined) ?? [];
  return tasks.map((task) => ({
    ...task,
    trackingCode: info.workflowId.replace(/^request-/, ''),
    serviceId: info.typedSearchAttributes.get(SA.service) ?? '',
    district: info.typedSearchAttributes.get(SA.district) ?? '',
  }));
}

function counts(list: Item[]) {
  const bySla = { ok: 0, 'at-risk': 0, breached: 0 };
  let claimed = 0;
  for (const item of list) {
    bySla[item.sla] += 1;
    if (item.claimedBy) claimed += 1;
  }
  return { total: list.length, claimed, unclaimed: list.length - claimed, bySla };
}

/** Serves the three reads of the old path; answers its address and how to stop it. */
export async function serveVisibilityBaseline(client: Client, taskQueue: string) {
  const app = express();
  app.get('/tasks', async (req, res) => {
    const principals = (typeof req.query.holders === 'string' ? req.query.holders : '').split(',');
    const held = (
      await items(client, taskQueue, [
        `(${principals.map((p) => `${SA.assignees.name} = ${quoted(p)}`).join(' OR ')})`,
      ])
    ).filter((item) => principals.includes(item.assignee.principal));
    const pool = held.filter((item) => !item.claimedBy);
    pool.sort((a, b) => a.deadline.localeCompare(b.deadline) || a.taskId.localeCompare(b.taskId));
    res.json({ total: pool.length, items: pool.slice(0, 20), counts: counts(held) });
  });
  app.get('/sla/breaches', async (_req, res) => {
    const list = (await items(client, taskQueue, [`${SA.slaState.name} = 'breached'`]))
      .filter((item) => item.sla === 'breached')
      .sort((a, b) => b.deadline.localeCompare(a.deadline));
    res.json({ total: list.length, items: list.slice(0, 50) });
  });
  app.get('/sla/summary', async (req, res) => {
    const by = typeof req.query.by === 'string' ? req.query.by : '';
    const groups = new Map<string, { open: number; atRisk: number; breached: number; escalated: number }>();
    for (const item of await items(client, taskQueue, [])) {
      const key =
        by === 'service'
          ? item.serviceId
          : by === 'district'
            ? item.district
            : /^(?:office|department|head):([^/]+)/.exec(item.assignee.principal)?.[1];
      if (!key) continue;
      const group = groups.get(key) ?? { open: 0, atRisk: 0, breached: 0, escalated: 0 };
      group.open += 1;
      if (item.sla === 'at-risk') group.atRisk += 1;
      if (item.sla === 'breached') group.breached += 1;
      if (item.escalationLevel > 0) group.escalated += 1;
      groups.set(key, group);
    }
    res.json({ by, groups: [...groups.entries()].map(([key, counted]) => ({ key, ...counted })) });
  });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Starts `count` stand-in requests: each with the search attributes and memo a request published. */
export async function startStandIns(
  client: Client,
  taskQueue: string,
  count: number,
  shape: { services: string[]; districts: string[]; holders: string[] },
): Promise<void> {
  const now = Date.now();
  const HOUR = 3_600_000;
  const one = async (i: number) => {
    const holder = shape.holders[(i * 31) % shape.holders.length] ?? 'office:o-0101';
    const deadline = new Date(now + (((i * 7919) % 480) - 130) * HOUR);
    const sla =
      deadline.getTime() < now ? 'breached' : deadline.getTime() < now + 24 * HOUR ? 'at-risk' : 'ok';
    const code = String(500000000000 + i);
    const task: OpenTaskMemo = {
      taskId: `${code}-1`,
      stepId: 'step-1',
      title: { fa: 'کار', en: 'Task' },
      assignee: { principal: holder, title: { fa: 'واحد', en: 'Unit' } },
      deadline: deadline.toISOString(),
      sla,
      escalationLevel: sla === 'breached' ? 1 : 0,
      escalatedTo: sla === 'breached' ? ['head:unit'] : [],
      ...(i % 5 === 0 ? { claimedBy: 'office:staff' } : {}),
    };
    await client.workflow.start('visibleRequest', {
      taskQueue,
      workflowId: `request-${code}`,
      memo: { openTasks: [task] },
      typedSearchAttributes: [
        { key: SA.service, value: shape.services[i % shape.services.length] ?? 's' },
        { key: SA.district, value: shape.districts[i % shape.districts.length] ?? 'd01' },
        { key: SA.state, value: 'active' },
        { key: SA.slaState, value: sla },
        {
          key: SA.assignees,
          value: [holder, ...(holder.includes('/') ? [holder.split('/')[0] ?? holder] : [])],
        },
        { key: SA.deadline, value: deadline },
      ],
    });
  };
  const lanes = 8;
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      for (let i = next++; i < count; i = next++) await one(i);
    }),
  );
}
