/**
 * The designer's workbench in the web app: the services with their versions and the requests
 * running on each, the JSON Schema the editor checks drafts against, a draft checked as it is
 * typed (every located problem, and when it compiles its diagram and its changes against the
 * published version), and publishing a draft with a note.
 */
import { readFileSync } from 'node:fs';
import { Router } from 'express';
import { diagram } from '../../lib/definitions/diagram';
import { diffPlans } from '../../lib/definitions/diff';
import { repoPath } from '../../lib/paths';
import { runningByVersion } from '../../store/running-versions';
import * as answer from '../answers';
import { callerLanguage, sayDefinitionProblem } from '../messages';
import { actorName, type Actor } from '../auth/actor';
import type { ApiContext } from '../context';
import { draftBody, publishDraftBody } from '../schemas';
import { publishedReply } from './published-reply';

const DRAFT_FILE = 'draft.yaml';

export function designWorkbenchRoutes(ctx: ApiContext): Router {
  const router = Router();
  const { registry, catalog, designer, store, present } = ctx;
  const tag = 'Definitions';
  const serviceSchema = JSON.parse(
    readFileSync(repoPath('definitions/schemas/service.schema.json'), 'utf8'),
  ) as object;

  registry.mount(
    router,
    {
      id: 'listDesignServices',
      method: 'get',
      path: '/api/design/services',
      tag,
      summary: 'The services with every published version and the requests running on each',
      access: ['designer'],
      responses: { 200: { description: 'The services', schema: answer.designServices } },
    },
    async () => {
      const running = await runningByVersion(store.db);
      const runningOf = (serviceId: string, version: number) =>
        running.find((r) => r.serviceId === serviceId && r.version === version)?.running ?? 0;
      const items = catalog.all().map((plan) => {
        const versions = designer.store.versions(plan.serviceId).map((v) => ({
          version: v.version,
          publishedAt: v.publishedAt,
          publishedAtJalali: present.when(v.publishedAt).jalali,
          publishedBy: v.publishedBy,
          note: v.note,
          ...(v.rolledBackFrom !== undefined ? { rolledBackFrom: v.rolledBackFrom } : {}),
          running: runningOf(plan.serviceId, v.version),
        }));
        return {
          id: plan.serviceId,
          title: plan.title,
          domain: plan.domain,
          version: plan.version,
          running: versions.reduce((sum, v) => sum + v.running, 0),
          versions,
        };
      });
      return { body: { total: items.length, items } };
    },
  );

  registry.mount(
    router,
    {
      id: 'getServiceSchema',
      method: 'get',
      path: '/api/design/schema',
      tag,
      summary: 'The JSON Schema every service definition follows',
      description: 'The editor checks drafts against it as they are typed, and documents each field from it.',
      access: ['designer'],
      responses: { 200: { description: 'The JSON Schema (2020-12)', schema: { type: 'object' } } },
    },
    () => ({ body: serviceSchema }),
  );

  registry.mount(
    router,
    {
      id: 'checkDraft',
      method: 'post',
      path: '/api/design/check',
      tag,
      summary: 'Check a draft: its problems, or its diagram and its changes against the published version',
      description:
        'Publishes nothing. A draft that compiles answers its Mermaid diagram and, for a service already published, the step-level changes from its latest version.',
      access: ['designer'],
      body: draftBody,
      responses: { 200: { description: 'The draft checked', schema: answer.draftCheck } },
    },
    (call) => {
      const { source } = call.body as { source: string };
      const { plan, problems } = designer.check(DRAFT_FILE, source);
      const language = callerLanguage(call.req);
      if (!plan)
        return { body: { valid: false, problems: problems.map((p) => sayDefinitionProblem(p, language)) } };
      const latest = catalog.latest(plan.serviceId);
      return {
        body: {
          valid: true,
          problems: [],
          serviceId: plan.serviceId,
          title: plan.title,
          stepTitles: Object.fromEntries(Object.values(plan.steps).map((step) => [step.id, step.title])),
          mermaid: diagram(plan),
          ...(latest
            ? {
                published: latest.version,
                unchanged: latest.hash === plan.hash,
                diff: diffPlans(latest, plan),
              }
            : {}),
        },
      };
    },
  );

  registry.mount(
    router,
    {
      id: 'publishDraft',
      method: 'post',
      path: '/api/design/publish',
      tag,
      summary: "Publish a draft as its service's next version, with a note",
      description:
        'New requests start on it; running ones keep the version they started with. The same content as the latest publishes nothing (200).',
      access: ['designer'],
      body: publishDraftBody,
      responses: {
        201: { description: 'Published', schema: answer.published },
        200: {
          description: 'Unchanged: the latest version already has this content',
          schema: answer.published,
        },
      },
      problems: ['invalid-definition'],
    },
    async (call) => {
      const { source, note } = call.body as { source: string; note: string };
      const result = await designer.publish(DRAFT_FILE, source, actorName(call.actor as Actor), note);
      return publishedReply(call, result);
    },
  );

  return router;
}
