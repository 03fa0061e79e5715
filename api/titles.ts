/**
 * Titles for the keys reports group by: an office, a department unit, a service, a district, a
 * step of a service. People read the titles; the keys stay for filtering and links.
 */
import type { PublishedCatalog } from '../lib/definitions/published-catalog';
import type { Organisation } from '../lib/organisation/organisation';
import type { Title } from '../lib/plan/types';

export type TitledKind = 'office' | 'department' | 'service' | 'district' | 'step';

export class Titles {
  constructor(
    private readonly org: Organisation,
    private readonly catalog: PublishedCatalog,
  ) {}

  of(kind: TitledKind, key: string): Title {
    return this.find(kind, key) ?? { fa: key, en: key };
  }

  private find(kind: TitledKind, key: string): Title | undefined {
    switch (kind) {
      case 'office':
        return this.org.office(key)?.title;
      case 'district':
        return this.org.district(key)?.title;
      case 'service':
        return this.catalog.latest(key)?.title;
      case 'department': {
        // `d05.urban-planning`, or a city department such as `treasury`.
        const [first = '', second] = key.split('.');
        const department = this.org.department(second ?? first);
        if (!department) return undefined;
        try {
          return this.org.departmentInstance(department.id, second ? first : '').title;
        } catch {
          return department.title;
        }
      }
      case 'step': {
        const [serviceId = '', stepId = ''] = key.split('/');
        const step = this.catalog.latest(serviceId)?.steps[stepId];
        return step && 'title' in step ? step.title : undefined;
      }
    }
  }
}
