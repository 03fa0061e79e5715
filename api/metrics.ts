/**
 * Prometheus metrics: calls and their latencies per operation, and the open work as the work
 * store holds it (open tasks per SLA state, escalated tasks), read at most every 15 s.
 */
import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { WorkQueries } from './work-queries';

const WORK_TTL_MS = 15_000;

export class Metrics {
  readonly registry = new Registry();
  private readonly calls = new Counter({
    name: 'pishkhan_http_requests_total',
    help: 'API calls by operation, method and status',
    labelNames: ['operation', 'method', 'status'] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'pishkhan_http_request_duration_seconds',
    help: 'API call latency by operation',
    labelNames: ['operation', 'method'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  private work: { at: number; bySla: Record<string, number>; escalated: number } | undefined;

  constructor(queries: WorkQueries) {
    collectDefaultMetrics({ register: this.registry, prefix: 'pishkhan_' });
    const read = async () => {
      if (!this.work || Date.now() - this.work.at > WORK_TTL_MS) {
        const summary = await queries.summary('service', {});
        const bySla = { ok: 0, 'at-risk': 0, breached: 0 };
        let escalated = 0;
        for (const group of summary) {
          bySla.ok += group.open - group.atRisk - group.breached;
          bySla['at-risk'] += group.atRisk;
          bySla.breached += group.breached;
          escalated += group.escalated;
        }
        this.work = { at: Date.now(), bySla, escalated };
      }
      return this.work;
    };
    new Gauge({
      name: 'pishkhan_open_tasks',
      help: 'Open tasks of running requests, by SLA state',
      labelNames: ['sla'] as const,
      registers: [this.registry],
      async collect() {
        const work = await read();
        for (const [sla, count] of Object.entries(work.bySla)) this.set({ sla }, count);
      },
    });
    new Gauge({
      name: 'pishkhan_sla_breaches',
      help: 'Open tasks past their deadline',
      registers: [this.registry],
      async collect() {
        this.set((await read()).bySla.breached ?? 0);
      },
    });
    new Gauge({
      name: 'pishkhan_escalated_tasks',
      help: 'Open tasks escalated at least once',
      registers: [this.registry],
      async collect() {
        this.set((await read()).escalated);
      },
    });
  }

  /** Times every call; the operation's id names it (set when a declared operation runs). */
  middleware(): RequestHandler {
    return (req, res, next) => {
      const stop = process.hrtime.bigint();
      res.on('finish', () => {
        const operation = typeof res.locals.operation === 'string' ? res.locals.operation : 'unmatched';
        const seconds = Number(process.hrtime.bigint() - stop) / 1e9;
        this.calls.inc({ operation, method: req.method, status: String(res.statusCode) });
        this.latency.observe({ operation, method: req.method }, seconds);
      });
      next();
    };
  }
}
