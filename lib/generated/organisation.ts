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
 * The department that confirms payments into the single municipal treasury.
 */
export type Id1 = string;
/**
 * The department whose head receives escalations of tasks that stall at a licensed office.
 */
export type Id2 = string;

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
   * Departments with a standing role in every service.
   */
  roles: {
    treasury: Id1;
    officeSupervisor: Id2;
  };
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
 * A municipal department. A per-district one exists once in every district, as `<district>.<id>`.
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
  licence: {
    number: string;
    status: 'active' | 'suspended' | 'revoked';
    validUntil: JalaliDate;
  };
  /**
   * Districts the office serves.
   *
   * @minItems 1
   */
  districts: Id[];
  /**
   * Service domains the licence covers.
   *
   * @minItems 1
   */
  domains: string[];
  /**
   * Requests the office can take per working day.
   */
  capacity: number;
}
