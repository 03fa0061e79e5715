/**
 * The organisation as the engine uses it: districts, departments (one per district where
 * they are per-district), licensed offices, who supervises whom, and the working calendar.
 */
import type { ResolvedCalendar } from '../calendar/working-time';
import { jalaliToGregorian } from '../calendar/jalali';
import type {
  Department,
  District,
  Office,
  Organisation as OrganisationFile,
} from '../generated/organisation';
import type { Title } from '../generated/service-definition';

/** Someone work can be assigned or escalated to: `office:o-12`, `department:d05.urban-planning`, `head:...`. */
export interface Unit {
  principal: string;
  title: Title;
}

export interface AssignableUnit extends Unit {
  /** Who receives escalations of this unit's stalled tasks. */
  supervisor: Unit;
}

export class Organisation {
  private readonly districts: Map<string, District>;
  private readonly departments: Map<string, Department>;
  private readonly offices: Map<string, Office>;

  constructor(
    readonly file: OrganisationFile,
    readonly calendar: ResolvedCalendar,
  ) {
    this.districts = new Map(file.districts.map((d) => [d.id, d]));
    this.departments = new Map(file.departments.map((d) => [d.id, d]));
    this.offices = new Map(file.offices.map((o) => [o.id, o]));
  }

  get cityTitle(): Title {
    return this.file.city.title;
  }

  district(id: string): District | undefined {
    return this.districts.get(id);
  }

  department(id: string): Department | undefined {
    return this.departments.get(id);
  }

  office(id: string): Office | undefined {
    return this.offices.get(id);
  }

  districtIds(): string[] {
    return [...this.districts.keys()];
  }

  departmentIds(): string[] {
    return [...this.departments.keys()];
  }

  officeIds(): string[] {
    return [...this.offices.keys()];
  }

  /** The department unit doing a step; per-district departments take the request's district. */
  departmentUnit(departmentId: string, districtId: string): AssignableUnit {
    const department = this.departments.get(departmentId);
    if (!department) throw new Error(`unknown department '${departmentId}'`);
    let instance = departmentId;
    let title = department.title;
    let headTitle = department.head.title;
    if (department.perDistrict) {
      const district = this.districts.get(districtId);
      if (!district) throw new Error(`unknown district '${districtId}'`);
      instance = `${districtId}.${departmentId}`;
      title = {
        fa: `${department.title.fa} ${district.title.fa}`,
        en: `${department.title.en}, ${district.title.en}`,
      };
      headTitle = {
        fa: `${department.head.title.fa} ${district.title.fa}`,
        en: `${department.head.title.en}, ${district.title.en}`,
      };
    }
    return {
      principal: `department:${instance}`,
      title,
      supervisor: { principal: `head:${instance}`, title: headTitle },
    };
  }

  /** An office as an assignee; its tasks escalate to the head of the office-supervising department. */
  officeUnit(officeId: string, districtId: string): AssignableUnit {
    const office = this.offices.get(officeId);
    if (!office) throw new Error(`unknown office '${officeId}'`);
    const supervising = this.departmentUnit(this.file.roles.officeSupervisor, districtId);
    return { principal: `office:${office.id}`, title: office.title, supervisor: supervising.supervisor };
  }

  /** The department that confirms payments into the single municipal treasury. */
  treasuryUnit(districtId: string): AssignableUnit {
    return this.departmentUnit(this.file.roles.treasury, districtId);
  }

  /** Whether an office may take new work of a domain in a district on a date (YYYY-MM-DD). */
  officeEligible(office: Office, domain: string, districtId: string, onDate: string): boolean {
    const validUntil = jalaliToGregorian(office.licence.validUntil);
    return (
      office.licence.status === 'active' &&
      validUntil !== undefined &&
      onDate <= validUntil &&
      office.districts.includes(districtId) &&
      office.domains.includes(domain)
    );
  }

  eligibleOffices(domain: string, districtId: string, onDate: string): Office[] {
    return this.file.offices.filter((office) => this.officeEligible(office, domain, districtId, onDate));
  }
}
