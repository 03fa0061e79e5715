/* Generated from definitions/schemas/service.schema.json by scripts/generate-types.mjs.
 * Do not edit: change the schema and run `npm run generate`. */

/**
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "Id".
 */
export type Id = string;
/**
 * ISO 8601 duration counted in working time: P5D is five working days, PT4H four working hours.
 *
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "WorkingDuration".
 */
export type WorkingDuration = string;
/**
 * An expression over the request's data: numbers, field names, + - * / %, comparisons, && || !, ?:, and min, max, round, floor, ceil, abs.
 *
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "Expression".
 */
export type Expression = string;
/**
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "Step".
 */
export type Step = TaskStep | PaymentStep | BranchStep | EndStep;

/**
 * One municipal service: what a citizen asks for, and the chain of steps that delivers it. `sla` is the service target for the whole request, in working time; `form` describes the data a request carries from its start.
 */
export interface ServiceDefinition {
  id: Id;
  title: Title;
  /**
   * The municipal domain the service belongs to.
   */
  domain:
    | 'urban-planning'
    | 'transport'
    | 'finance'
    | 'urban-services'
    | 'real-estate'
    | 'legal'
    | 'business'
    | 'citizen'
    | 'office-oversight';
  /**
   * Where a citizen may start the service.
   *
   * @minItems 1
   */
  intake: ('office' | 'online' | 'department')[];
  sla: WorkingDuration;
  /**
   * Documents the applicant must provide at intake.
   */
  documents?: Document[];
  form?: FormSchema;
  /**
   * Fees the applicant pays into the single municipal treasury.
   */
  fees?: Fee[];
  /**
   * The chain of steps; the first one starts the request. A step without `next` continues with the step below it.
   *
   * @minItems 1
   */
  steps: Step[];
}
/**
 * A title in Persian and in English.
 *
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "Title".
 */
export interface Title {
  fa: string;
  en: string;
}
/**
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "Document".
 */
export interface Document {
  id: Id;
  title: Title;
  optional?: boolean;
}
/**
 * A JSON Schema (draft 2020-12) fragment describing an object of form fields.
 *
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "FormSchema".
 */
export interface FormSchema {
  type: 'object';
  [k: string]: unknown;
}
/**
 * A fee in Iranian rials paid into the single municipal treasury: a fixed amount, or an expression over the request's data.
 *
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "Fee".
 */
export interface Fee {
  id: Id;
  title: Title;
  amount: number | Expression;
}
/**
 * Work a person does: an office's clerk, a department's expert. Ends with one of its outcomes.
 *
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "TaskStep".
 */
export interface TaskStep {
  id: Id;
  kind: 'task';
  title: Title;
  assignee: Assignee;
  sla: WorkingDuration;
  form?: FormSchema;
  /**
   * Outcome id to where it leads. Without outcomes the task has one outcome, `done`, leading to `next`.
   */
  outcomes?: {
    [k: string]: Outcome;
  };
  next?: Id;
}
/**
 * Who does a step: `office: intake` (the licensed e-service office that took the request), or `department: <id>` (for a per-district department, the one of the request's district).
 *
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "Assignee".
 */
export interface Assignee {
  office?: 'intake';
  department?: Id;
}
/**
 * Where the request goes when a task ends with this outcome. An outcome that leads back to an earlier step (return for correction, a retake) may be taken at most `maxTimes` times (3 unless given).
 *
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "Outcome".
 */
export interface Outcome {
  title?: Title;
  next: Id;
  maxTimes?: number;
}
/**
 * The applicant pays a fee into the single municipal treasury; the treasury confirms the payment.
 *
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "PaymentStep".
 */
export interface PaymentStep {
  id: Id;
  kind: 'payment';
  title: Title;
  fee: Id;
  sla: WorkingDuration;
  next?: Id;
}
/**
 * Chooses the next step from the request's data: the first case whose `when` holds, else `default`.
 *
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "BranchStep".
 */
export interface BranchStep {
  id: Id;
  kind: 'branch';
  title?: Title;
  /**
   * @minItems 1
   */
  cases: {
    when: Expression;
    next: Id;
  }[];
  default: Id;
}
/**
 * The request ends here, in the given state.
 *
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "EndStep".
 */
export interface EndStep {
  id: Id;
  kind: 'end';
  title?: Title;
  result: 'completed' | 'rejected';
}
