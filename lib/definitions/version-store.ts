/**
 * Published versions of service definitions: immutable, numbered, each with its content hash,
 * source and compiled plan, kept in the store's database so every process of a deployment sees
 * the same catalog. A process holds them all in memory (a city has a few hundred) and reads new
 * ones on `refresh()`; a version number is taken by inserting it, so two publishers never
 * overwrite each other: the loser takes the next number. A rollback publishes an older content
 * again as a new version.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Queryable } from '../../store/database';
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

interface VersionRow {
  service_id: string;
  version: number;
  hash: string;
  published_at: Date | string;
  published_by: string;
  note: string;
  rolled_back_from: number | null;
  source: string;
  plan: ServicePlan | string;
}

const SERVICE_ID = /^[a-z][a-z0-9-]*$/;

const fromRow = (row: VersionRow): PublishedVersion => ({
  serviceId: row.service_id,
  version: row.version,
  hash: row.hash,
  publishedAt: new Date(row.published_at).toISOString(),
  publishedBy: row.published_by,
  note: row.note,
  ...(row.rolled_back_from !== null ? { rolledBackFrom: row.rolled_back_from } : {}),
  source: row.source,
  plan: typeof row.plan === 'string' ? (JSON.parse(row.plan) as ServicePlan) : row.plan,
});

export class VersionStore {
  /** Each service's versions, oldest first. */
  private readonly byService = new Map<string, PublishedVersion[]>();
  private readonly byHash = new Map<string, ServicePlan>();

  private constructor(private readonly db: Queryable) {}

  /** Opens the versions of a database, every one read. */
  static async open(db: Queryable): Promise<VersionStore> {
    const store = new VersionStore(db);
    await store.refresh();
    return store;
  }

  /** Reads the versions other processes published since the last read; answers how many. */
  async refresh(): Promise<number> {
    // Versions are never removed: as many in the database as here means none is new.
    const [count] = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM definition_versions');
    if ((count?.n ?? 0) === this.count()) return 0;
    const known = await this.db.query<{ service_id: string; version: number }>(
      'SELECT service_id, version FROM definition_versions',
    );
    const missing = known.filter((row) => !this.has(row.service_id, row.version));
    if (missing.length === 0) return 0;
    const rows = await this.db.query<VersionRow>(
      `SELECT v.* FROM definition_versions v
         JOIN jsonb_to_recordset($1::jsonb) AS k(service_id text, version integer) USING (service_id, version)`,
      [JSON.stringify(missing)],
    );
    for (const row of rows) this.remember(fromRow(row));
    return rows.length;
  }

  private count(): number {
    let n = 0;
    for (const versions of this.byService.values()) n += versions.length;
    return n;
  }

  private has(serviceId: string, version: number): boolean {
    return this.byService.get(serviceId)?.some((v) => v.version === version) ?? false;
  }

  private remember(version: PublishedVersion): void {
    if (this.has(version.serviceId, version.version)) return;
    const list = this.byService.get(version.serviceId) ?? [];
    list.push(version);
    list.sort((a, b) => a.version - b.version);
    this.byService.set(version.serviceId, list);
    this.byHash.set(version.plan.hash, version.plan);
  }

  services(): string[] {
    return [...this.byService.keys()].sort();
  }

  /** Version numbers of a service, oldest first. */
  numbers(serviceId: string): number[] {
    return (this.byService.get(serviceId) ?? []).map((v) => v.version);
  }

  /** Changes whenever a version of the service is added: lets readers cache safely. */
  stamp(serviceId: string): number {
    return this.byService.get(serviceId)?.length ?? 0;
  }

  get(serviceId: string, version: number): PublishedVersion | undefined {
    return this.byService.get(serviceId)?.find((v) => v.version === version);
  }

  latest(serviceId: string): PublishedVersion | undefined {
    return this.byService.get(serviceId)?.at(-1);
  }

  /** Any version's plan by its content hash. */
  planByHash(hash: string): ServicePlan | undefined {
    return this.byHash.get(hash);
  }

  versions(serviceId: string): VersionSummary[] {
    return (this.byService.get(serviceId) ?? []).map(
      ({ source: _source, plan: _plan, ...summary }) => summary,
    );
  }

  /**
   * Publishes a compiled definition as the next version, unless its content equals the latest
   * (then nothing is written).
   */
  async publish(entry: {
    plan: ServicePlan;
    source: string;
    by: string;
    note: string;
    rolledBackFrom?: number;
  }): Promise<{ version: PublishedVersion; created: boolean }> {
    const { serviceId } = entry.plan;
    if (!SERVICE_ID.test(serviceId)) throw new Error(`not a service id: '${serviceId}'`);
    for (;;) {
      const latest = this.latest(serviceId);
      if (latest && latest.hash === entry.plan.hash && entry.rolledBackFrom === undefined) {
        return { version: latest, created: false };
      }
      const version: PublishedVersion = {
        serviceId,
        version: (latest?.version ?? 0) + 1,
        hash: entry.plan.hash,
        publishedAt: new Date().toISOString(),
        publishedBy: entry.by,
        note: entry.note,
        ...(entry.rolledBackFrom !== undefined ? { rolledBackFrom: entry.rolledBackFrom } : {}),
        source: entry.source,
        plan: { ...entry.plan, version: (latest?.version ?? 0) + 1 },
      };
      if (await this.insert(version)) {
        this.remember(version);
        return { version, created: true };
      }
      // Another process took the number: read what it published, then try the next one.
      await this.refresh();
    }
  }

  /** Writes a version unless its number is taken; answers whether it was written. */
  private async insert(version: PublishedVersion): Promise<boolean> {
    const written = await this.db.query(
      `INSERT INTO definition_versions
         (service_id, version, hash, published_at, published_by, note, rolled_back_from, source, plan)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (service_id, version) DO NOTHING
       RETURNING version`,
      [
        version.serviceId,
        version.version,
        version.hash,
        version.publishedAt,
        version.publishedBy,
        version.note,
        version.rolledBackFrom ?? null,
        version.source,
        JSON.stringify(version.plan),
      ],
    );
    return written.length > 0;
  }

  /** Publishes the content of an older version again, as the newest. */
  async rollback(serviceId: string, to: number, by: string): Promise<PublishedVersion> {
    const old = this.get(serviceId, to);
    if (!old) throw new Error(`service '${serviceId}' has no version ${to}`);
    const { version } = await this.publish({
      plan: old.plan,
      source: old.source,
      by,
      note: `rollback to version ${to}`,
      rolledBackFrom: to,
    });
    return version;
  }

  /**
   * Brings in the versions a deployment kept as files before they moved into the database
   * (`<dir>/<service>/00001.json`); a version already in the database is left as it is.
   */
  async importFiles(dir: string): Promise<number> {
    if (!existsSync(dir)) return 0;
    let imported = 0;
    for (const service of readdirSync(dir, { withFileTypes: true })) {
      if (!service.isDirectory() || !SERVICE_ID.test(service.name)) continue;
      for (const file of readdirSync(join(dir, service.name)).filter((name) => /^\d+\.json$/.test(name))) {
        const version = JSON.parse(readFileSync(join(dir, service.name, file), 'utf8')) as PublishedVersion;
        if (this.has(version.serviceId, version.version)) continue;
        if (await this.insert(version)) imported += 1;
      }
    }
    if (imported > 0) await this.refresh();
    return imported;
  }
}
