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
  Person,
} from '../generated/organisation';
import { statusOn, type LicenceState } from './licences';
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

  /**
   * A department (or a role inside it, or its head) doing a step; per-district departments take
   * the request's district. The head's work escalates to the level above the head.
   */
  departmentUnit(departmentId: string, districtId: string, roleId?: string): AssignableUnit {
    const instance = this.departmentInstance(departmentId, districtId);
    const supervisor = this.headOf(departmentId, districtId);
    if (!roleId) return { principal: `department:${instance.id}`, title: instance.title, supervisor };
    if (roleId === 'head')
      return { ...supervisor, supervisor: this.superiorOf(supervisor.principal, districtId) };
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
  officeUnit(officeId: string | Office, districtId: string): AssignableUnit {
    const office = typeof officeId === 'string' ? this.required(this.offices, officeId, 'office') : officeId;
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

  people(): Person[] {
    return this.file.people ?? [];
  }

  person(id: string): Person | undefined {
    return this.people().find((p) => p.id === id);
  }

  /**
   * The licence as the file issues it, before any change at run time. Its history starts with
   * the file's entry only when the file says since when (`since`): no date is made up.
   */
  licenceOf(office: Office): LicenceState {
    const validUntil = jalaliToGregorian(office.licence.validUntil) ?? '0000-00-00';
    const since = office.licence.since ? jalaliToGregorian(office.licence.since) : undefined;
    return {
      officeId: office.id,
      number: office.licence.number,
      status: office.licence.status,
      validUntil,
      ...(office.licence.reason ? { reason: office.licence.reason } : {}),
      history:
        since === undefined
          ? []
          : [
              {
                // The start of that day in the city, not at UTC midnight (03:30 in Tehran).
                at: new Date(
                  Date.parse(`${since}T00:00:00.000Z`) - this.calendar.offsetMinutes * 60_000,
                ).toISOString(),
                action:
                  office.licence.status === 'active'
                    ? 'grant'
                    : office.licence.status === 'suspended'
                      ? 'suspend'
                      : 'revoke',
                status: office.licence.status,
                reason: office.licence.reason ?? 'as issued in the organisation file',
                by: 'organisation file',
                validUntil,
              },
            ],
    };
  }

  /**
   * Why an office may not take a request's work, or undefined when it may: its licence must be
   * active on the day, cover the service (by domain or by name), and the office serve the district.
   */
  ineligibility(
    office: Office,
    work: { serviceId: string; domain: string; district: string },
    licence: LicenceState,
    today: string,
  ): string | undefined {
    const status = statusOn(licence, today);
    if (status === 'expired') return `licence expired after ${licence.validUntil}`;
    if (status !== 'active') return `licence ${status}${licence.reason ? `: ${licence.reason}` : ''}`;
    const { domains = [], services = [] } = office.scope;
    if (!domains.includes(work.domain as never) && !services.includes(work.serviceId)) {
      return `licence does not cover ${work.domain} or ${work.serviceId}`;
    }
    if (!office.districts.includes(work.district)) return `does not serve district ${work.district}`;
    return undefined;
  }

  /** Offices that may take the work of a service in a district on a date, by their licences as issued. */
  eligibleOffices(domain: string, districtId: string, onDate: string, serviceId = ''): Office[] {
    return this.file.offices.filter(
      (office) =>
        this.ineligibility(
          office,
          { serviceId, domain, district: districtId },
          this.licenceOf(office),
          onDate,
        ) === undefined,
    );
  }

  officeEligible(
    office: Office,
    domain: string,
    districtId: string,
    onDate: string,
    serviceId = '',
  ): boolean {
    return (
      this.ineligibility(
        office,
        { serviceId, domain, district: districtId },
        this.licenceOf(office),
        onDate,
      ) === undefined
    );
  }

  allOffices(): Office[] {
    return this.file.offices;
  }

  /** The offices of the file and those licensed at run time, as the licence registry holds them. */
  officesWith(licences: Map<string, LicenceState>): Office[] {
    const added = [...licences.values()].flatMap((l) =>
      l.office && !this.offices.has(l.officeId) ? [l.office] : [],
    );
    return [...this.file.offices, ...added];
  }
}
