/**
 * The plans requests start on: the latest published version of each service, from the version
 * store (which reads what other processes publish on its refresh), plus any version by hash.
 */
import type { ServicePlan } from '../plan/types';
import type { VersionStore } from './version-store';

export class PublishedCatalog {
  private readonly latestCache = new Map<string, { stamp: number; plan: ServicePlan | undefined }>();
  private readonly hashes = new Map<string, ServicePlan>();

  constructor(readonly store: VersionStore) {}

  latest(serviceId: string): ServicePlan | undefined {
    if (!/^[a-z][a-z0-9-]*$/.test(serviceId)) return undefined;
    const stamp = this.store.stamp(serviceId);
    const cached = this.latestCache.get(serviceId);
    if (cached && cached.stamp === stamp) return cached.plan;
    const plan = this.store.latest(serviceId)?.plan;
    this.latestCache.set(serviceId, { stamp, plan });
    if (plan) this.hashes.set(plan.hash, plan);
    return plan;
  }

  byHash(hash: string): ServicePlan | undefined {
    return this.hashes.get(hash) ?? this.store.planByHash(hash);
  }

  /** Keeps a plan met on a running request, so its version need not be asked for again. */
  remember(plan: ServicePlan): void {
    this.hashes.set(plan.hash, plan);
  }

  all(): ServicePlan[] {
    return this.store.services().flatMap((id) => {
      const plan = this.latest(id);
      return plan ? [plan] : [];
    });
  }
}
