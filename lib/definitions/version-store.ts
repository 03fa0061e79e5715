/**
 * Published versions of service definitions: immutable, numbered, each with its content hash,
 * source and compiled plan. One JSON file per version under `<dir>/<service>/`, written once
 * and never changed; a rollback publishes an older content again as a new version.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServicePlan } from '../plan/types';

export interface PublishedVersion {
  serviceId: string;
  version: number;
  hash: string;
  publishedAt: string;
  publishedBy: string;
  note: string;
  /** The version whose content this one restores, for a rollback. */
  rolledBackFrom?: number;
  /** The YAML as the designer wrote it. */
  source: string;
  plan: ServicePlan;
}

export type VersionSummary = Omit<PublishedVersion, 'source' | 'plan'>;

const fileName = (version: number) => `${String(version).padStart(5, '0')}.json`;

export class VersionStore {
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  services(): string[] {
    return readdirSync(this.dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  }

  private serviceDir(serviceId: string): string {
    if (!/^[a-z][a-z0-9-]*$/.test(serviceId)) throw new Error(`not a service id: '${serviceId}'`);
    return join(this.dir, serviceId);
  }

  /** Version numbers of a service, oldest first. */
  numbers(serviceId: string): number[] {
    const dir = this.serviceDir(serviceId);
    try {
      return readdirSync(dir)
        .filter((name) => /^\d+\.json$/.test(name))
        .map((name) => Number(name.slice(0, -5)))
        .sort((a, b) => a - b);
    } catch {
      return [];
    }
  }

  /** Changes whenever a version of the service is added: lets readers cache safely. */
  stamp(serviceId: string): number {
    try {
      return statSync(this.serviceDir(serviceId)).mtimeMs;
    } catch {
      return 0;
    }
  }

  get(serviceId: string, version: number): PublishedVersion | undefined {
    try {
      return JSON.parse(
        readFileSync(join(this.serviceDir(serviceId), fileName(version)), 'utf8'),
      ) as PublishedVersion;
    } catch {
      return undefined;
    }
  }

  latest(serviceId: string): PublishedVersion | undefined {
    const last = this.numbers(serviceId).at(-1);
    return last === undefined ? undefined : this.get(serviceId, last);
  }

  versions(serviceId: string): VersionSummary[] {
    return this.numbers(serviceId).flatMap((version) => {
      const found = this.get(serviceId, version);
      if (!found) return [];
      const { source: _source, plan: _plan, ...summary } = found;
      return [summary];
    });
  }

  /**
   * Publishes a compiled definition as the next version, unless its content equals the latest
   * (then nothing is written). Writing with the exclusive flag means two publishers never
   * overwrite each other: the loser takes the next number.
   */
  publish(entry: { plan: ServicePlan; source: string; by: string; note: string; rolledBackFrom?: number }): {
    version: PublishedVersion;
    created: boolean;
  } {
    const { serviceId } = entry.plan;
    const dir = this.serviceDir(serviceId);
    mkdirSync(dir, { recursive: true });
    for (;;) {
      const latest = this.latest(serviceId);
      if (latest && latest.hash === entry.plan.hash && entry.rolledBackFrom === undefined) {
        return { version: latest, created: false };
      }
      const number = (latest?.version ?? 0) + 1;
      const version: PublishedVersion = {
        serviceId,
        version: number,
        hash: entry.plan.hash,
        publishedAt: new Date().toISOString(),
        publishedBy: entry.by,
        note: entry.note,
        ...(entry.rolledBackFrom !== undefined ? { rolledBackFrom: entry.rolledBackFrom } : {}),
        source: entry.source,
        plan: { ...entry.plan, version: number },
      };
      try {
        writeFileSync(join(dir, fileName(number)), `${JSON.stringify(version, null, 2)}\n`, { flag: 'wx' });
        return { version, created: true };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
  }

  /** Publishes the content of an older version again, as the newest. */
  rollback(serviceId: string, to: number, by: string): PublishedVersion {
    const old = this.get(serviceId, to);
    if (!old) throw new Error(`service '${serviceId}' has no version ${to}`);
    return this.publish({
      plan: old.plan,
      source: old.source,
      by,
      note: `rollback to version ${to}`,
      rolledBackFrom: to,
    }).version;
  }
}
