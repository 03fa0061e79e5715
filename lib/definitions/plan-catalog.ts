/**
 * The plans the engine starts requests on, by service id, plus any older plan seen on a
 * running request, by content hash.
 */
import type { ServicePlan } from '../plan/types';

export class PlanCatalog {
  private readonly byService = new Map<string, ServicePlan>();
  private readonly hashes = new Map<string, ServicePlan>();

  constructor(plans: ServicePlan[]) {
    for (const plan of plans) {
      this.byService.set(plan.serviceId, plan);
      this.hashes.set(plan.hash, plan);
    }
  }

  latest(serviceId: string): ServicePlan | undefined {
    return this.byService.get(serviceId);
  }

  byHash(hash: string): ServicePlan | undefined {
    return this.hashes.get(hash);
  }

  remember(plan: ServicePlan): void {
    this.hashes.set(plan.hash, plan);
  }

  all(): ServicePlan[] {
    return [...this.byService.values()].sort((a, b) => a.serviceId.localeCompare(b.serviceId));
  }
}
