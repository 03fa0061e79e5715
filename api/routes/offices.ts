/**
 * Licensed offices and their licences; changes to a licence; routing and office reports.
 */
import { Router } from 'express';
import * as answer from '../answers';
import { actorName, type Actor } from '../auth/actor';
import type { ApiContext } from '../context';
import { ProblemError } from '../problem';
import { licenceChanges } from '../../store/licence-log';
import {
  licenceChangeBody,
  licenceLogQuery,
  officeReportQuery,
  pathText,
  routingReportQuery,
} from '../schemas';

const oversight = ['manager', 'inspector', 'admin'] as const;

export function officeRoutes(ctx: ApiContext): Router {
  const router = Router();
  const { registry, offices, catalog, store, present, titles } = ctx;

  registry.mount(
    router,
    {
      id: 'listOffices',
      method: 'get',
      path: '/api/offices',
      tag: 'Organisation',
      summary: 'The licensed offices, with their licences as they stand',
      description: 'Public: applicants choosing an office read it too.',
      access: 'public',
      responses: { 200: { description: 'The offices', schema: answer.offices } },
    },
    async () => {
      const items = await offices.list();
      return { body: { total: items.length, items } };
    },
  );

  registry.mount(
    router,
    {
      id: 'getOffice',
      method: 'get',
      path: '/api/offices/{officeId}',
      tag: 'Organisation',
      summary: 'An office, its licence and every change to it',
      access: 'public',
      params: { officeId: pathText },
      responses: { 200: { description: 'The office', schema: answer.officeDetail } },
      problems: ['not-found'],
    },
    async (call) => ({ body: await offices.get(String(call.params.officeId)) }),
  );

  registry.mount(
    router,
    {
      id: 'changeLicence',
      method: 'post',
      path: '/api/offices/{officeId}/licence',
      tag: 'Organisation',
      summary: "Suspend, revoke, reinstate or renew an office's licence",
      description:
        "Acts at once: a suspended or revoked office's open tasks move to eligible offices, with the reason.",
      access: ['manager', 'inspector'],
      params: { officeId: pathText },
      body: licenceChangeBody,
      responses: { 200: { description: 'The licence after the change', schema: answer.licenceChanged } },
      problems: ['not-found', 'licence-change-refused', 'invalid-licence-change'],
    },
    async (call) => {
      const body = call.body as {
        action: 'suspend' | 'revoke' | 'reinstate' | 'renew';
        reason: string;
        validUntil?: string;
      };
      return {
        body: await offices.changeLicence(String(call.params.officeId), {
          ...body,
          by: actorName(call.actor as Actor),
        }),
      };
    },
  );

  registry.mount(
    router,
    {
      id: 'routingReport',
      method: 'get',
      path: '/api/reports/routing',
      tag: 'Reports',
      summary: "How the rule spread a service's requests in a district over the eligible offices",
      access: oversight,
      query: routingReportQuery,
      responses: {
        200: { description: 'Shares, max/min ratio, Gini, open loads', schema: answer.routingReport },
      },
      problems: ['unknown-service'],
    },
    async (call) => {
      const { service, district } = call.query as { service: string; district: string };
      const plan = catalog.latest(service);
      if (!plan) throw new ProblemError('unknown-service', `There is no service '${service}'.`);
      const report = await offices.routingReport(service, district, plan.domain);
      const none = report.requests === 0;
      return {
        body: {
          service,
          district,
          ...report,
          maxMinRatio: Number.isFinite(report.maxMinRatio) && !none ? report.maxMinRatio : null,
          // With nothing routed there is no spread to measure, fair or not.
          ...(none
            ? {
                gini: null,
                loadGini: null,
                note: 'No request of this service in this district was given out by the rule yet: nothing to measure.',
              }
            : {}),
        },
      };
    },
  );

  registry.mount(
    router,
    {
      id: 'officeReport',
      method: 'get',
      path: '/api/reports/offices',
      tag: 'Reports',
      summary: "Each office's open load, work done, completion time and breaches",
      access: oversight,
      query: officeReportQuery,
      responses: { 200: { description: 'One row per office', schema: answer.officeReport } },
    },
    async (call) => {
      const items = await offices.performance(call.query.service, call.query.district);
      return { body: { total: items.length, items } };
    },
  );

  registry.mount(
    router,
    {
      id: 'licenceLog',
      method: 'get',
      path: '/api/reports/licence-changes',
      tag: 'Reports',
      summary: "Every change to offices' licences, newest first: who, when, why",
      access: oversight,
      query: licenceLogQuery,
      responses: { 200: { description: 'One page of changes', schema: answer.licenceLog } },
    },
    async (call) => {
      const q = call.query;
      const paging = { page: Number(q.page ?? 1), pageSize: Number(q.pageSize ?? 50) };
      const found = await licenceChanges(
        store.db,
        {
          ...(q.office ? { officeId: q.office } : {}),
          ...(q.from ? { from: q.from } : {}),
          ...(q.to ? { to: q.to } : {}),
        },
        paging,
      );
      return {
        body: {
          total: found.total,
          ...paging,
          items: found.items.map(({ seq: _seq, ...entry }) => ({
            ...entry,
            office: titles.of('office', entry.officeId),
            at: present.when(entry.at),
            ...(entry.validUntil ? { validUntil: present.day(entry.validUntil) } : {}),
          })),
        },
      };
    },
  );

  return router;
}
