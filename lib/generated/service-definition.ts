/* Generated from definitions/schemas/service.schema.json by scripts/generate-types.mjs.
 * Do not edit: change the schema and run `npm run generate`. */

/**
 * An identifier: lowercase letters, digits and dashes, starting with a letter.
 *
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "Id".
 */
export type Id = string;
/**
 * an ISO 8601 duration in working time, such as P5D (five working days), PT4H (four working hours) or P1DT2H
 *
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "WorkingDuration".
 */
export type WorkingDuration = string;
/**
 * An expression over the request's data: numbers, 'text', field names, + - * / %, comparisons, && || !, ?:, and min, max, round, floor, ceil, abs.
 *
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "Expression".
 */
export type Expression = string;
/**
 * an ISO 8601 duration in working time, such as P5D (five working days), PT4H (four working hours) or P1DT2H
 */
export type WorkingDuration1 = string;
/**
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "Step".
 */
export type Step =
  TaskStep | InquiryStep | PaymentStep | BranchStep | ParallelStep | AutomaticStep | NotifyStep | EndStep;
/**
 * The step's target, an ISO 8601 duration such as P5D or PT4H; or `service`: the step has no SLA of its own, its time counts only against the service's target.
 *
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "StepSla".
 */
export type StepSla = string;
/**
 * working: SLAs count working hours on the city calendar; continuous: every hour of every day counts (burials, emergencies).
 *
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "Clock".
 */
export type Clock = 'working' | 'continuous';
/**
 * A chain of steps; the first one starts it. A step without `next` continues with the step below it.
 *
 * @minItems 1
 *
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "Steps".
 */
export type Steps = Step[];

/**
 * One municipal service: what a citizen asks for, and the chain of steps that delivers it. `sla` is the service target for the whole request in working time; `form` describes the data a request carries from its start. `clock` says how SLAs count (working hours by default); `urgency` gives urgent requests a faster target. `statutoryDeadline` is the legal maximum beside the target; `maxExtension` bounds how far the target may be extended, with a reason. `extension` limits how often and how far, as a share of the term, the target may be extended.
 */
export interface ServiceDefinition {
  id: Id;
  title: Title;
  description?: Title;
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
  statutoryDeadline?: WorkingDuration;
  maxExtension?: WorkingDuration;
  /**
   * Documents the applicant must provide at intake.
   */
  documents?: Document[];
  form?: FormSchema;
  /**
   * Fees the applicant pays into the single municipal treasury.
   */
  fees?: Fee[];
  escalation?: Escalation;
  routing?: Routing;
  steps: Steps;
  clock?: Clock;
  urgency?: Urgency;
  extension?: Extension;
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
  /**
   * a whole number of rials, or an expression over the request's data
   */
  amount: number | Expression;
}
/**
 * What happens as a step's deadline nears and passes. A step's escalation overrides the service's, which overrides the organisation's default.
 *
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "Escalation".
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
/**
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "Rung".
 */
export interface Rung {
  after: WorkingDuration;
  /**
   * supervisor: the assignee's supervisor is alerted; superior: one level above the highest one alerted so far; reassign: the task moves to another eligible office, or to the department head; steering-committee: the steering committee is alerted.
   */
  to: 'supervisor' | 'superior' | 'reassign' | 'steering-committee';
  every?: WorkingDuration1;
}
/**
 * How office work of the service is given out. `officeChoice: citizen` lets an online applicant pick an office, only among the eligible ones. `fallback` says where to look when no office of the request's district is eligible: `neighbours` (the neighbouring districts, then the whole city) or `city`; if no office anywhere is, the office-supervising department takes the work: never nobody.
 *
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "Routing".
 */
export interface Routing {
  officeChoice?: 'rule' | 'citizen';
  fallback?: 'neighbours' | 'city';
}
/**
 * Work a person does: an office's clerk, a department's expert, a commission, the applicant. Ends with one of its outcomes. With `onTimeout`, that outcome is taken by itself when the SLA passes, instead of escalating (a resolved complaint the citizen leaves unanswered closes). `statutoryDeadline` is the legal maximum beside the SLA; `maxExtension` bounds how far the SLA may be extended. `sla: service`: no SLA of its own, its time counts only against the service's target. `status` is what the citizen reads while the request is here; `suspend` stops the request's clock for an expected time.
 *
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "TaskStep".
 */
export interface TaskStep {
  id: Id;
  kind: 'task';
  title: Title;
  status?: Status;
  assignee: Assignee;
  sla: StepSla;
  clock?: Clock;
  suspend?: Suspension;
  statutoryDeadline?: WorkingDuration;
  maxExtension?: WorkingDuration;
  extension?: Extension;
  form?: FormSchema;
  outcomes?: Outcomes;
  onTimeout?: Id;
  escalation?: Escalation;
  next?: Id;
}
/**
 * What the citizen reads while the request is at this step (an application status), in Persian and English, instead of the step's own title.
 */
export interface Status {
  fa: string;
  en: string;
}
/**
 * Who does a step. `office: intake` is the licensed office that took the request, `office: <id>` a named office, `officeInField: <field>` the office the request's data names (the office under inspection); `department: <id>` a department (for a per-district one, the request's district), with `role` a role inside it; `sameAs: <step>` whoever did that step; `applicant: true` the citizen (`applicant: only`: the citizen themselves, never an office for them). `role: head` is the head of the department's unit.
 *
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "Assignee".
 */
export interface Assignee {
  office?: Id;
  department?: Id;
  role?: Id;
  sameAs?: Id;
  /**
   * The citizen: `true`, or `only` for an action the citizen must take themselves, which the office at the desk may not answer for them (a consent, an undertaking).
   */
  applicant?: true | 'only';
  officeInField?: string;
}
/**
 * While the step is open the request's clock stands still, for at most the `expected` time; then it runs again by itself, the step still open. `reason` is what the citizen reads.
 *
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "Suspension".
 */
export interface Suspension {
  expected: WorkingDuration;
  reason: Title;
}
/**
 * Limits on extending a deadline, beside `maxExtension` (how far in all): at most `maxTimes` extensions, and in all at most `maxShare` of the original term (0.5: half of it again).
 *
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "Extension".
 */
export interface Extension {
  /**
   * How many times the deadline may be extended.
   */
  maxTimes?: number;
  /**
   * How far the deadline may be extended in all, as a share of its original term.
   */
  maxShare?: number;
}
/**
 * Outcome id to where it leads.
 *
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "Outcomes".
 */
export interface Outcomes {
  [k: string]: Outcome;
}
/**
 * Where the request goes when a task ends with this outcome; without `next` it goes on to the step below. An outcome that leads back to an earlier step (return for correction, a retake) may be taken at most `maxTimes` times (3 unless given). With `roles`, only holders of one of those roles may take it.
 *
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "Outcome".
 */
export interface Outcome {
  title?: Title;
  next?: Id;
  maxTimes?: number;
  /**
   * Only those holding one of these roles in the unit doing the step may take this outcome (`head` is the unit's head): only the approver may waive a payment.
   *
   * @minItems 1
   */
  roles?: Id[];
}
/**
 * An inquiry (استعلام) to an outside agency, which answers later with one of the outcomes. `sla` is the agency's legal term. With `onTimeout`, the law reads that answer into the agency's silence past its term (no objection); without it, a late answer escalates. `statutoryDeadline` is the legal maximum beside the SLA; `maxExtension` bounds how far the SLA may be extended.
 *
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "InquiryStep".
 */
export interface InquiryStep {
  id: Id;
  kind: 'inquiry';
  title: Title;
  status?: Status;
  agency: Id;
  sla: WorkingDuration;
  clock?: Clock;
  suspend?: Suspension;
  statutoryDeadline?: WorkingDuration;
  maxExtension?: WorkingDuration;
  extension?: Extension;
  form?: FormSchema;
  outcomes: Outcomes;
  onTimeout?: Id;
  escalation?: Escalation;
}
/**
 * The applicant pays a fee into the single municipal treasury; the treasury confirms the payment. `statutoryDeadline` is the legal maximum beside the SLA; `maxExtension` bounds how far the SLA may be extended.
 *
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "PaymentStep".
 */
export interface PaymentStep {
  id: Id;
  kind: 'payment';
  title: Title;
  status?: Status;
  fee: Id;
  sla: WorkingDuration;
  clock?: Clock;
  statutoryDeadline?: WorkingDuration;
  maxExtension?: WorkingDuration;
  extension?: Extension;
  escalation?: Escalation;
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
 * Branches that run at the same time; the group ends when all of them (or, with join: any, the first of them) have finished. A branch may end the whole request by reaching an end step.
 *
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "ParallelStep".
 */
export interface ParallelStep {
  id: Id;
  kind: 'parallel';
  title: Title;
  status?: Status;
  join?: 'all' | 'any';
  /**
   * @minItems 2
   */
  branches: {
    id: Id;
    steps: Steps;
  }[];
  next?: Id;
}
/**
 * Work the engine does itself, by a named action. If the action still fails after its retries, the operations department gets a task to retry or skip it.
 *
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "AutomaticStep".
 */
export interface AutomaticStep {
  id: Id;
  kind: 'automatic';
  title: Title;
  action: Id;
  /**
   * The action's parameters; each action documents its own.
   */
  with?: {
    [k: string]: unknown;
  };
  retry?: {
    maxAttempts?: number;
    initialInterval?: string;
  };
  next?: Id;
}
/**
 * Sends a message. In `message`, {trackingCode}, {service} and {data.<field>} are filled in.
 *
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "NotifyStep".
 */
export interface NotifyStep {
  id: Id;
  kind: 'notify';
  title?: Title;
  /**
   * @minItems 1
   */
  to: Assignee[];
  message: Title;
  next?: Id;
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
/**
 * A faster service target for requests whose data says they are urgent (an emergency repair).
 *
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "Urgency".
 */
export interface Urgency {
  when: Expression;
  sla: WorkingDuration;
  clock?: Clock;
}
/**
 * A title in Persian and in English.
 *
 * This interface was referenced by `ServiceDefinition`'s JSON-Schema
 * via the `definition` "Status".
 */
export interface Title1 {
  fa: string;
  en: string;
}
