/* Generated from definitions/schemas/organisation.schema.json by scripts/generate-types.mjs.
 * Do not edit: change the schema and run `npm run generate`. */

/**
 * This interface was referenced by `Organisation`'s JSON-Schema
 * via the `definition` "Id".
 */
export type Id = string;
/**
 * A date in the Persian (Jalali) calendar, YYYY-MM-DD.
 *
 * This interface was referenced by `Organisation`'s JSON-Schema
 * via the `definition` "JalaliDate".
 */
export type JalaliDate = string;
/**
 * an ISO 8601 duration in working time, such as P5D (five working days), PT4H (four working hours) or P1DT2H
 */
export type WorkingDuration = string;
/**
 * an ISO 8601 duration in working time, such as P5D (five working days), PT4H (four working hours) or P1DT2H
 */
export type WorkingDuration1 = string;

/**
 * The city's districts, departments and licensed e-service offices.
 */
export interface Organisation {
  city: {
    title: Title;
  };
  /**
   * @minItems 1
   */
  districts: District[];
  /**
   * @minItems 1
   */
  departments: Department[];
  offices: Office[];
  /**
   * Outside agencies the municipality sends inquiries to.
   */
  agencies: Agency[];
  /**
   * Who stands above whom, and the default ladder of every step.
   */
  escalation: {
    officeSupervisor: Id;
    steeringCommittee: Id;
    default: Escalation;
  };
  /**
   * Departments with a standing duty in every service: `treasury` confirms payments into the single municipal treasury; `operations` resolves automatic steps that keep failing.
   */
  duties: {
    treasury: Id;
    operations: Id;
  };
  /**
   * The people who act in the system.
   */
  people?: Person[];
}
/**
 * A title in Persian and in English.
 *
 * This interface was referenced by `Organisation`'s JSON-Schema
 * via the `definition` "Title".
 */
export interface Title {
  fa: string;
  en: string;
}
/**
 * This interface was referenced by `Organisation`'s JSON-Schema
 * via the `definition` "District".
 */
export interface District {
  id: Id;
  title: Title;
  neighbours?: Id[];
}
/**
 * A municipal department. A per-district one exists once in every district, as `<district>.<id>`. Its `head` receives escalations; `escalatesTo` names the department whose head stands above that.
 *
 * This interface was referenced by `Organisation`'s JSON-Schema
 * via the `definition` "Department".
 */
export interface Department {
  id: Id;
  title: Title;
  perDistrict: boolean;
  /**
   * The supervisor who receives escalations of the department's stalled tasks.
   */
  head: {
    title: Title;
  };
  /**
   * Roles inside the department that a step may be assigned to.
   */
  roles?: Role[];
  escalatesTo?: Id;
}
/**
 * This interface was referenced by `Organisation`'s JSON-Schema
 * via the `definition` "Role".
 */
export interface Role {
  id: Id;
  title: Title;
}
/**
 * A licensed private city e-service office (دفتر خدمات الکترونیک شهر).
 *
 * This interface was referenced by `Organisation`'s JSON-Schema
 * via the `definition` "Office".
 */
export interface Office {
  id: Id;
  title: Title;
  /**
   * The licence as issued. Its status changes at run time (suspension, revocation, reinstatement) are kept by the licence registry, which starts from this.
   */
  licence: {
    number: string;
    status: 'active' | 'suspended' | 'revoked';
    validUntil: JalaliDate;
    since?: JalaliDate;
    reason?: string;
  };
  /**
   * Districts the office serves.
   *
   * @minItems 1
   */
  districts: Id[];
  /**
   * What the licence covers: whole domains, and single services beyond them.
   */
  scope: {
    domains?: (
      | 'urban-planning'
      | 'transport'
      | 'finance'
      | 'urban-services'
      | 'real-estate'
      | 'legal'
      | 'business'
      | 'citizen'
      | 'office-oversight'
    )[];
    services?: Id[];
  };
  /**
   * Requests the office can take per working day.
   */
  capacity: number;
}
/**
 * An outside agency (land registry, fire department, police...). `followUp` is the department whose head chases its late answers (per district when that department is).
 *
 * This interface was referenced by `Organisation`'s JSON-Schema
 * via the `definition` "Agency".
 */
export interface Agency {
  id: Id;
  title: Title;
  followUp: Id;
}
/**
 * What happens as a step's deadline nears and passes. A step's escalation overrides the service's, which overrides the organisation's default.
 */
export interface Escalation {
  /**
   * Share of the SLA after which the assignee is reminded and the task counts as at risk; 0 turns reminders off.
   */
  remindAt?: number;
  /**
   * Rungs climbed one by one once the SLA has passed, each after its working time past the deadline.
   *
   * @maxItems 6
   */
  ladder?: Rung[];
  /**
   * The highest level above the assignee the ladder may alert: 1 the supervisor, 2 the supervisor's superior, and so on up the chain; rungs that would climb higher alert that level again.
   */
  maxDepth?: number;
}
export interface Rung {
  after: WorkingDuration;
  /**
   * supervisor: the assignee's supervisor is alerted; superior: one level above the highest one alerted so far; reassign: the task moves to another eligible office, or to the department head; steering-committee: the steering committee is alerted.
   */
  to: 'supervisor' | 'superior' | 'reassign' | 'steering-committee';
  every?: WorkingDuration1;
}
/**
 * Someone who acts: staff bound to a licensed office, or to a department (of a district, for a per-district one), with their roles there.
 *
 * This interface was referenced by `Organisation`'s JSON-Schema
 * via the `definition` "Person".
 */
export interface Person {
  id: Id;
  name: Title1;
  office?: Id;
  department?: Id;
  district?: Id;
  /**
   * @minItems 1
   */
  roles: Id[];
  /**
   * Where the person receives notifications of their unit by e-mail, when the deployment sends e-mail.
   */
  email?: string;
  /**
   * What the person may do in the API beyond their unit's work: design definitions, manage, inspect or administer. Without it, office staff act for their office and department staff for their department.
   */
  access?: 'designer' | 'manager' | 'inspector' | 'admin';
}
/**
 * A title in Persian and in English.
 */
export interface Title1 {
  fa: string;
  en: string;
}
