/**
 * The organisation as the oversight and design pages name it: districts, departments with their
 * roles, offices (with the districts each serves), outside agencies and the published services,
 * each with its id and titles. The dashboard puts titles on report keys with it, a manager's move
 * offers the offices serving the request's district, and the definition editor completes ids.
 */
import { Router } from 'express';
import * as answer from '../answers';
import type { ApiContext } from '../context';

export function directoryRoutes(ctx: ApiContext): Router {
  const router = Router();
  const { registry, org, catalog } = ctx;
  const file = org.file;

  registry.mount(
    router,
    {
      id: 'getDirectory',
      method: 'get',
      path: '/api/organisation/directory',
      tag: 'Organisation',
      summary: 'Districts, departments and their roles, offices, agencies and services, with titles',
      access: ['designer', 'manager', 'inspector', 'admin', 'office', 'department'],
      responses: { 200: { description: 'The directory', schema: answer.directory } },
    },
    () => ({
      body: {
        districts: file.districts.map((d) => ({ id: d.id, title: d.title })),
        departments: file.departments.map((d) => ({
          id: d.id,
          title: d.title,
          perDistrict: d.perDistrict,
          head: d.head.title,
          roles: (d.roles ?? []).map((r) => ({ id: r.id, title: r.title })),
        })),
        offices: file.offices.map((o) => ({ id: o.id, title: o.title, districts: o.districts })),
        agencies: file.agencies.map((a) => ({ id: a.id, title: a.title })),
        services: catalog
          .all()
          .map((plan) => ({ id: plan.serviceId, title: plan.title, domain: plan.domain })),
      },
    }),
  );

  return router;
}
