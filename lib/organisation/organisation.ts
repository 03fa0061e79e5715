/**
 * The organisation as the engine uses it: districts, departments (one per district where
 * they are per-district), outside agencies, licensed offices, who supervises whom, and the
 * working calendar.
 */
import { jalaliToGregorian } from '../calendar/jalali';
import type { ResolvedCalendar } from '../calendar/working-time';
import type {
  Agency,
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

const joinTitles = (a: Title, b: Title): Title => ({ fa: `${a.fa} ${b.fa}`, en: `${a.en}, ${b.en}` });

export class Organisation {
  private readonly districts: Map<string, District>;
  private readonly departments: Map<string, Department>;
  private readonly agencies: Map<string, Agency>;
  private readonly offices: Map<string, Office>;

  constructor(
    readonly file: OrganisationFile,
    readonly calendar: ResolvedCalendar,
  ) {
    this.districts = new Map(file.districts.map((d) => [d.id, d]));
    this.departments = new Map(file.departments.map((d) => [d.id, d]));
    this.agencies = new Map(file.agencies.map((a) => [a.id, a]));
    this.offices = new Map(file.offices.map((o) => [o.id, o]));
  }

  district(id: string): District | undefined {
    return this.districts.get(id);
  }

  department(id: string): Department | undefined {
    return this.departments.get(id);
  }

  agency(id: string): Agency | undefined {
    return this.agencies.get(id);
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

  agencyIds(): string[] {
    return [...this.agencies.keys()];
  }

  officeIds(): string[] {
    return [...this.offices.keys()];
  }

  private required<T>(map: Map<string, T>, id: string, what: string): T {
    const found = map.get(id);
    if (!found) throw new Error(`unknown ${what} '${id}'`);
    return found;
  }

  /** The instance of a department that serves a district: `d05.urban-planning`, or `treasury`. */
  departmentInstance(departmentId: string, districtId: string): { id: string; title: Title; head: Title } {
    const department = this.required(this.departments, departmentId, 'department');
    if (!department.perDistrict)
      return { id: departmentId, title: department.title, head: department.head.title };
    const district = this.required(this.districts, districtId, 'district');
    return {
      id: `${districtId}.${departmentId}`,
      title: joinTitles(department.title, district.title),
      head: joinTitles(department.head.title, district.title),
    };
  }

  /** The head of a department's instance: the supervisor of its tasks. */
  headOf(departmentId: string, districtId: string): Unit {
    const instance = this.departmentInstance(departmentId, districtId);
    return { principal: `head:${instance.id}`, title: instance.head };
  }

  /** A department (or a role inside it) doing a step; per-district departments take the request's district. */
  departmentUnit(departmentId: string, districtId: string, roleId?: string): AssignableUnit {
    const instance = this.departmentInstance(departmentId, districtId);
    const supervisor = this.headOf(departmentId, districtId);
    if (!roleId) return { principal: `department:${instance.id}`, title: instance.title, supervisor };
    const role = this.required(this.departments, departmentId, 'department').roles?.find(
      (r) => r.id === roleId,
    );
    if (!role) throw new Error(`department '${departmentId}' has no role '${roleId}'`);
    return {
      principal: `department:${instance.id}/${roleId}`,
      title: joinTitles(role.title, instance.title),
      supervisor,
    };
  }

  /** An office as an assignee; its tasks escalate to the head of the office-supervising department. */
  officeUnit(officeId: string, districtId: string): AssignableUnit {
    const office = this.required(this.offices, officeId, 'office');
    return {
      principal: `office:${office.id}`,
      title: office.title,
      supervisor: this.headOf(this.file.escalation.officeSupervisor, districtId),
    };
  }

  /** An outside agency answering an inquiry; the department named to follow it up supervises. */
  agencyUnit(agencyId: string, districtId: string): AssignableUnit {
    const agency = this.required(this.agencies, agencyId, 'agency');
    return {
      principal: `agency:${agency.id}`,
      title: agency.title,
      supervisor: this.headOf(agency.followUp, districtId),
    };
  }

  /** The department that confirms payments into the single municipal treasury. */
  treasuryUnit(districtId: string): AssignableUnit {
    return this.departmentUnit(this.file.duties.treasury, districtId);
  }

  /** The department that resolves automatic steps that keep failing. */
  operationsUnit(districtId: string): AssignableUnit {
    return this.departmentUnit(this.file.duties.operations, districtId);
  }

  steeringCommittee(): Unit {
    return this.headOf(this.file.escalation.steeringCommittee, '');
  }

  /**
   * The level above a supervisor: the head of the department its department escalates to,
   * or the steering committee at the top of the chain.
   */
  superiorOf(supervisorPrincipal: string, districtId: string): Unit {
    const instance = supervisorPrincipal.replace(/^head:/, '').split('/')[0] ?? '';
    const departmentId = instance.includes('.') ? (instance.split('.')[1] ?? '') : instance;
    const above = this.departments.get(departmentId)?.escalatesTo;
    return above ? this.headOf(above, districtId) : this.steeringCommittee();
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
