/**
 * Definitions for designers and front ends: the published services and their versions (public,
 * so applicants can read forms), and the designer's tools: validate, publish, compare, draw,
 * roll back. Only designers validate, publish and roll back.
 */
import { Router } from 'express';
import { VersionNotFoundError, type Designer } from '../../lib/definitions/designer';
import type { VersionSummary } from '../../lib/definitions/version-store';
import type { ServicePlan } from '../../lib/plan/types';
import * as answer from '../answers';
import { callerLanguage, sayDefinitionProblem } from '../messages';
import { actorName, type Actor } from '../auth/actor';
import type { ApiContext } from '../context';
import { ProblemError } from '../problem';
import { publishedReply } from './published-reply';
import { diagramQuery, diffQuery, pathText, rollbackBody } from '../schemas';

function summary(plan: ServicePlan) {
  return {
    id: plan.serviceId,
    title: plan.title,
    domain: plan.domain,
    intake: plan.intake,
    sla: plan.sla.text,
    version: plan.version,
    hash: plan.hash,
    steps: Object.keys(plan.steps).length,
  };
}

const SERVICE_ID = /^[a-z][a-z0-9-]{0,80}$/;

async function versionOf(designer: Designer, serviceId: string, version?: number) {
  // Anything that cannot be a service id names no service: not found, like any other.
  if (!SERVICE_ID.test(serviceId))
    throw new ProblemError('version-not-found', `There is no service '${serviceId}'.`);
  try {
    return await designer.version(serviceId, version);
  } catch (error) {
    if (error instanceof VersionNotFoundError) throw new ProblemError('version-not-found', error.message);
    throw error;
  }
}

const number = (value: unknown) => (typeof value === 'string' ? Number(value) : undefined);
const serviceId = { serviceId: pathText };

export function definitionRoutes(ctx: ApiContext): Router {
  const router = Router();
  const { registry, catalog, designer, present } = ctx;
  const tag = 'Definitions';

  registry.mount(
    router,
    {
      id: 'listDefinitions',
      method: 'get',
      path: '/api/definitions',
      tag,
      summary: 'The published services, latest versions',
      access: 'public',
      responses: { 200: { description: 'The catalog', schema: answer.definitions } },
    },
    () => {
      const items = catalog.all().map(summary);
      return { body: { total: items.length, items } };
    },
  );

  registry.mount(
    router,
    {
      id: 'validateDefinition',
      method: 'post',
      path: '/api/definitions/validate',
      tag,
      summary: 'Check a definition without publishing it',
      access: ['designer'],
      body: 'yaml',
      responses: {
        200: { description: 'Valid, or every problem with its line and column', schema: answer.validation },
      },
    },
    async (call) => {
      const { plan, problems } = designer.check('request-body.yaml', call.body as string);
      const language = callerLanguage(call.req);
      return {
        body: plan
          ? { valid: true, serviceId: plan.serviceId, hash: plan.hash, problems: [] }
          : { valid: false, problems: problems.map((p) => sayDefinitionProblem(p, language)) },
      };
    },
  );

  registry.mount(
    router,
    {
      id: 'publishDefinition',
      method: 'post',
      path: '/api/definitions',
      tag,
      summary: 'Publish a definition as its next version',
      description:
        'New requests start on it; running ones keep the version they started with. The same content as the latest publishes nothing (200).',
      access: ['designer'],
      body: 'yaml',
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
      const result = await designer.publish(
        'request-body.yaml',
        call.body as string,
        actorName(call.actor as Actor),
      );
      return publishedReply(call, result);
    },
  );

  registry.mount(
    router,
    {
      id: 'getDefinition',
      method: 'get',
      path: '/api/definitions/{serviceId}',
      tag,
      summary: "A service's latest version: source, plan and versions",
      access: 'public',
      params: serviceId,
      responses: { 200: { description: 'The definition', schema: answer.definition } },
      problems: ['version-not-found'],
    },
    async (call) => {
      const found = await versionOf(designer, String(call.params.serviceId));
      return {
        body: {
          ...summary(found.plan),
          source: found.source,
          plan: found.plan,
          versions: designer.store.versions(found.serviceId).map((v) => present.version(v)),
        },
      };
    },
  );

  registry.mount(
    router,
    {
      id: 'listVersions',
      method: 'get',
      path: '/api/definitions/{serviceId}/versions',
      tag,
      summary: "A service's published versions",
      access: 'public',
      params: serviceId,
      responses: { 200: { description: 'The versions', schema: answer.versions } },
      problems: ['version-not-found'],
    },
    async (call) => {
      const latest = await versionOf(designer, String(call.params.serviceId));
      const items = designer.store.versions(latest.serviceId).map((v: VersionSummary) => present.version(v));
      return { body: { total: items.length, items } };
    },
  );

  registry.mount(
    router,
    {
      id: 'getVersion',
      method: 'get',
      path: '/api/definitions/{serviceId}/versions/{version}',
      tag,
      summary: 'One published version',
      access: 'public',
      params: { ...serviceId, version: { type: 'string', pattern: '^[1-9][0-9]{0,5}$' } },
      responses: { 200: { description: 'The version', schema: answer.version } },
      problems: ['version-not-found'],
    },
    async (call) => {
      const found = await versionOf(designer, String(call.params.serviceId), Number(call.params.version));
      const { source, plan, ...meta } = found;
      return { body: { ...present.version(meta), source, plan } };
    },
  );

  registry.mount(
    router,
    {
      id: 'getDiagram',
      method: 'get',
      path: '/api/definitions/{serviceId}/diagram',
      tag,
      summary: 'A Mermaid flowchart of a version',
      access: 'public',
      params: serviceId,
      query: diagramQuery,
      responses: { 200: { description: 'The diagram', schema: answer.diagram } },
      problems: ['version-not-found'],
    },
    async (call) => {
      const found = await versionOf(designer, String(call.params.serviceId), number(call.query.version));
      return {
        body: {
          serviceId: found.serviceId,
          version: found.version,
          mermaid: await designer.diagram(found.serviceId, found.version),
        },
      };
    },
  );

  registry.mount(
    router,
    {
      id: 'diffVersions',
      method: 'get',
      path: '/api/definitions/{serviceId}/diff',
      tag,
      summary: 'What changed between two versions',
      access: 'public',
      params: serviceId,
      query: diffQuery,
      responses: { 200: { description: 'The changes', schema: answer.diff } },
      problems: ['version-not-found'],
    },
    async (call) => {
      const latest = await versionOf(designer, String(call.params.serviceId));
      const to = number(call.query.to) ?? latest.version;
      const from = number(call.query.from) ?? to - 1;
      await versionOf(designer, latest.serviceId, from);
      await versionOf(designer, latest.serviceId, to);
      return {
        body: { serviceId: latest.serviceId, from, to, ...(await designer.diff(latest.serviceId, from, to)) },
      };
    },
  );

  registry.mount(
    router,
    {
      id: 'rollbackDefinition',
      method: 'post',
      path: '/api/definitions/{serviceId}/rollback',
      tag,
      summary: "Publish an older version's content again, as a new version",
      access: ['designer'],
      params: serviceId,
      body: rollbackBody,
      responses: { 201: { description: 'Published', schema: answer.published } },
      problems: ['version-not-found'],
    },
    async (call) => {
      const { version } = call.body as { version: number };
      await versionOf(designer, String(call.params.serviceId), version);
      const restored = await designer.rollback(
        String(call.params.serviceId),
        version,
        actorName(call.actor as Actor),
      );
      return {
        status: 201,
        body: { serviceId: restored.serviceId, version: restored.version, rolledBackFrom: version },
      };
    },
  );

  return router;
}
