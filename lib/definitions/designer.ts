/**
 * What process designers do with definitions, for the CLI and the API alike: validate without
 * publishing, publish a new version, list versions, compare two of them, draw one, roll back.
 */
import { readFileSync } from 'node:fs';
import type { Organisation } from '../organisation/organisation';
import type { ServicePlan } from '../plan/types';
import { compileDefinitionText, definitionFiles } from './catalog';
import { diagram } from './diagram';
import { diffPlans, type PlanDiff } from './diff';
import { displayPath } from './load-yaml';
import type { Problem } from './problem';
import type { PublishedVersion, VersionStore } from './version-store';

/** Asked for a version that was never published. */
export class VersionNotFoundError extends Error {
  override name = 'VersionNotFoundError';
}

export interface PublishResult {
  serviceId: string;
  version: number;
  created: boolean;
}

export class Designer {
  constructor(
    readonly org: Organisation,
    readonly store: VersionStore,
  ) {}

  /** Validates and compiles a definition's text; `file` names it in problems. */
  check(file: string, text: string): { plan?: ServicePlan; problems: Problem[] } {
    return compileDefinitionText(file, text, this.org);
  }

  /** Publishes a definition's text as the next version, or says it equals the latest. */
  async publish(
    file: string,
    text: string,
    by: string,
    note = '',
  ): Promise<PublishResult | { problems: Problem[] }> {
    const { plan, problems } = this.check(file, text);
    if (!plan) return { problems };
    const { version, created } = await this.store.publish({ plan, source: text, by, note });
    return { serviceId: plan.serviceId, version: version.version, created };
  }

  /**
   * Publishes every definition file whose content differs from its latest version; with
   * `onlyNew`, only services never published (what a first start does).
   */
  async publishFiles(dir: string, by: string, options: { onlyNew?: boolean } = {}) {
    const published: PublishResult[] = [];
    const unpublishedChanges: { serviceId: string; file: string; latest: number }[] = [];
    const problems: Problem[] = [];
    for (const path of definitionFiles(dir)) {
      const text = readFileSync(path, 'utf8');
      const file = displayPath(path);
      const { plan, problems: found } = this.check(file, text);
      problems.push(...found);
      if (!plan) continue;
      const latest = this.store.latest(plan.serviceId);
      if (latest && latest.hash === plan.hash) continue;
      if (latest && options.onlyNew) {
        unpublishedChanges.push({ serviceId: plan.serviceId, file, latest: latest.version });
        continue;
      }
      const { version, created } = await this.store.publish({
        plan,
        source: text,
        by,
        note: `published from ${file}`,
      });
      published.push({ serviceId: plan.serviceId, version: version.version, created });
    }
    return { published, unpublishedChanges, problems };
  }

  /** A published version (the latest without a number); one another process just published too. */
  async version(serviceId: string, version?: number): Promise<PublishedVersion> {
    const lookup = () =>
      version === undefined ? this.store.latest(serviceId) : this.store.get(serviceId, version);
    let found = lookup();
    if (!found && (await this.store.refresh()) > 0) found = lookup();
    if (!found) {
      throw new VersionNotFoundError(
        version === undefined
          ? `service '${serviceId}' has no published version`
          : `service '${serviceId}' has no version ${version}`,
      );
    }
    return found;
  }

  async diff(serviceId: string, from: number, to: number): Promise<PlanDiff> {
    return diffPlans((await this.version(serviceId, from)).plan, (await this.version(serviceId, to)).plan);
  }

  async diagram(serviceId: string, version?: number): Promise<string> {
    return diagram((await this.version(serviceId, version)).plan);
  }

  async rollback(serviceId: string, to: number, by: string): Promise<PublishedVersion> {
    await this.version(serviceId, to);
    return this.store.rollback(serviceId, to, by);
  }
}
