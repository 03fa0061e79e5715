/* Generated from definitions/schemas/calendar.schema.json by scripts/generate-types.mjs.
 * Do not edit: change the schema and run `npm run generate`. */

/**
 * A local time of day, HH:MM; 24:00 is the end of the day.
 *
 * This interface was referenced by `WorkingCalendar`'s JSON-Schema
 * via the `definition` "Time".
 */
export type Time = string;

/**
 * The city's working time: which days and hours count toward SLAs, and the official holidays.
 */
export interface WorkingCalendar {
  /**
   * IANA time zone of the city, such as Asia/Tehran.
   */
  timeZone: string;
  /**
   * Working hours per weekday; a day left out is not a working day.
   */
  week: {
    saturday?: Hours;
    sunday?: Hours;
    monday?: Hours;
    tuesday?: Hours;
    wednesday?: Hours;
    thursday?: Hours;
    friday?: Hours;
  };
  holidays: Holiday[];
}
/**
 * This interface was referenced by `WorkingCalendar`'s JSON-Schema
 * via the `definition` "Hours".
 */
export interface Hours {
  open: Time;
  close: Time;
}
/**
 * This interface was referenced by `WorkingCalendar`'s JSON-Schema
 * via the `definition` "Holiday".
 */
export interface Holiday {
  /**
   * The date in the Persian (Jalali) calendar, YYYY-MM-DD.
   */
  date: string;
  title: {
    fa: string;
    en: string;
  };
}
