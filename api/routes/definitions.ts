/**
 * Definitions for designers and front ends: the published services and their versions, and
 * the designer's tools: validate, publish, compare, draw, roll back.
 */
import express, { Router, type Request } from 'express';
import { VersionNotFoundError, type Designer } from '../../lib/definitions/designer';
import type { PublishedCatalog } from '../../lib/definitions/published-catalog';
import type { VersionSummary } from '../../lib/definitions/version-store';
import type { ServicePlan } from '../../lib/plan/types';
import { BODY_LIMIT } from '../limits';
import { ProblemError } from '../problem';
import { rollbackBody, diffQuery, diagramQuery } from '../schemas';
import { validateBody, validateQuery } from '../validation';

const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/plain'];

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

/** Reads a YAML body: a definition's text. */
function yamlText(req: Request): string {
  if (!req.is(YAML_TYPES) || typeof req.body !== 'string') {
    throw new ProblemError('unsupported-media-type', 'Send the definition as application/yaml.');
  }
  return req.body;
}

function versionOf(designer: Designer, serviceId: string, version?: number) {
  try {
    return designer.version(serviceId, version);
  } catch (error) {
    if (error instanceof VersionNotFoundError) throw new ProblemError('version-not-found', error.message);
    throw error;
  }
}

const number = (value: unknown) => (typeof value === 'string' ? Number(value) : undefined);

export function definitionRoutes(catalog: PublishedCatalog, designer: Designer): Router {
  const router = Router();
  const yaml = express.text({ type: YAML_TYPES, limit: BODY_LIMIT });

  router.get('/', (_req, res) => {
    const items = catalog.all().map(summary);
    res.json({ total: items.length, items });
  });

  router.post('/validate', yaml, (req, res) => {
    const { plan, problems } = designer.check('request-body.yaml', yamlText(req));
    res.json(
      plan
        ? { valid: true, serviceId: plan.serviceId, hash: plan.hash, problems: [] }
        : { valid: false, problems },
    );
  });

  router.post('/', yaml, (req, res) => {
    const by = typeof req.headers['x-actor'] === 'string' ? req.headers['x-actor'] : 'api';
    const result = designer.publish('request-body.yaml', yamlText(req), by);
    if ('problems' in result) {
      throw new ProblemError('invalid-definition', `${result.problems.length} problem(s) in the definition`, {
        problems: result.problems,
      });
    }
    res
      .status(result.created ? 201 : 200)
      .location(`/api/definitions/${result.serviceId}/versions/${result.version}`)
      .json(result);
  });

  router.get('/:serviceId', (req, res) => {
    const found = versionOf(designer, String(req.params.serviceId));
    res.json({
      ...summary(found.plan),
      source: found.source,
      plan: found.plan,
      versions: designer.store.versions(found.serviceId),
    });
  });

  router.get('/:serviceId/versions', (req, res) => {
    const latest = versionOf(designer, String(req.params.serviceId));
    const items: VersionSummary[] = designer.store.versions(latest.serviceId);
    res.json({ total: items.length, items });
  });

  router.get('/:serviceId/versions/:version', (req, res) => {
    const found = versionOf(designer, String(req.params.serviceId), Number(req.params.version));
    const { source, plan, ...meta } = found;
    res.json({ ...meta, source, plan });
  });

  router.get('/:serviceId/diagram', validateQuery(diagramQuery), (req, res) => {
    const found = versionOf(designer, String(req.params.serviceId), number(req.query.version));
    res.json({
      serviceId: found.serviceId,
      version: found.version,
      mermaid: designer.diagram(found.serviceId, found.version),
    });
  });

  router.get('/:serviceId/diff', validateQuery(diffQuery), (req, res) => {
    const latest = versionOf(designer, String(req.params.serviceId));
    const to = number(req.query.to) ?? latest.version;
    const from = number(req.query.from) ?? to - 1;
    versionOf(designer, latest.serviceId, from);
    versionOf(designer, latest.serviceId, to);
    res.json({ serviceId: latest.serviceId, from, to, ...designer.diff(latest.serviceId, from, to) });
  });

  router.post('/:serviceId/rollback', validateBody(rollbackBody), (req, res) => {
    const { version } = req.body as { version: number };
    versionOf(designer, String(req.params.serviceId), version);
    const by = typeof req.headers['x-actor'] === 'string' ? req.headers['x-actor'] : 'api';
    const restored = designer.rollback(String(req.params.serviceId), version, by);
    res
      .status(201)
      .json({ serviceId: restored.serviceId, version: restored.version, rolledBackFrom: version });
  });

  return router;
}
