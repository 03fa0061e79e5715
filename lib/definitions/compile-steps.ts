/**
 * Compiles each kind of step into its plan form, checking its references: steps, outcomes,
 * departments, roles, offices, agencies, fees and actions.
 */
import Ajv2020 from 'ajv/dist/2020';
import { actionSpec } from '../actions/catalog';
import type {
  Assignee,
  Escalation,
  Extension,
  Step,
  Suspension,
  Title,
} from '../generated/service-definition';
import { OFFICE_ROLES } from '../organisation/load-organisation';
import { DEFAULT_MAX_TIMES, STANDARD_OUTCOMES } from '../plan/outcome-titles';
import type { PlanAssignee, PlanDuration, PlanEscalation, PlanOutcome, PlanStep } from '../plan/types';
import { Compilation, type StepEntry } from './compile-context';
import { didYouMean } from './schemas';
import type { DocPath } from './yaml-source';

const parametersAjv = new Ajv2020({ allErrors: true, strict: true });

/**
 * An action's retries unless its step says otherwise: the first 1 s after a failure, each wait
 * twice the last (at most 10 minutes), ten attempts in all. About eight and a half minutes, so a
 * restart of the worker or of the Temporal server does not spend them and open an incident.
 */
const ACTION_RETRY = { maxAttempts: 10, initialInterval: '1s' } as const;

/** Where a step goes when it names no `next`: the step below, or the end of its branch. */
export function fallThrough(c: Compilation, entry: StepEntry): string | null {
  const following = entry.list[entry.index + 1];
  if (following) return following.id;
  if (entry.scope !== '') return null;
  c.report(entry.path, 'the last step must be an end step or name its `next`', 'missing-next');
  return null;
}

function next(c: Compilation, entry: StepEntry, explicit: string | undefined): string | null {
  return explicit === undefined ? fallThrough(c, entry) : c.stepRef(explicit, entry, [...entry.path, 'next']);
}

/** Whether `target` comes at or before the step in the same list: a way back, a loop. */
function leadsBack(c: Compilation, entry: StepEntry, target: string | null): boolean {
  const found = target === null ? undefined : c.entries.get(target);
  return found !== undefined && found.list === entry.list && found.index <= entry.index;
}

/**
 * The roles an outcome may be restricted to: those of the unit doing the step (a department's
 * own and its head; an office's manager and clerk), or undefined when the step has no unit
 * whose people hold roles (the applicant, an agency, whoever did another step).
 */
function rolesOfUnit(c: Compilation, who: PlanAssignee | undefined): string[] | undefined {
  if (who?.type === 'department')
    return [...(c.org.department(who.department)?.roles ?? []).map((role) => role.id), 'head'];
  if (who?.type === 'office' || who?.type === 'intake-office' || who?.type === 'office-in-field')
    return OFFICE_ROLES;
  return undefined;
}

function outcomeRoles(
  c: Compilation,
  who: PlanAssignee | undefined,
  roles: string[],
  path: (string | number)[],
): string[] {
  c.feature('outcome-roles', [...path, 'roles']);
  const known = rolesOfUnit(c, who);
  if (!known) {
    c.report(
      [...path, 'roles'],
      'only an outcome of a step done by an office or a department can be kept to roles: the applicant, an agency or whoever did another step hold none',
      'outcome-roles',
    );
    return roles;
  }
  roles.forEach((role, i) => {
    if (!known.includes(role))
      c.report(
        [...path, 'roles', i],
        `the unit doing this step has no role '${role}' (its roles: ${known.join(', ')})${didYouMean(role, known)}`,
        'unknown-role',
      );
  });
  return roles;
}

function outcomes(
  c: Compilation,
  entry: StepEntry,
  declared: Record<
    string,
    { title?: { fa: string; en: string }; next?: string; maxTimes?: number; roles?: string[] }
  >,
  who?: PlanAssignee,
): Record<string, PlanOutcome> {
  const compiled: Record<string, PlanOutcome> = {};
  for (const [id, outcome] of Object.entries(declared)) {
    const path = [...entry.path, 'outcomes', id];
    const target =
      outcome.next === undefined ? fallThrough(c, entry) : c.stepRef(outcome.next, entry, [...path, 'next']);
    const title = outcome.title ?? STANDARD_OUTCOMES[id];
    if (!title)
      c.report(path, `outcome '${id}' is not a standard one and needs a title`, 'outcome-title', {
        key: true,
      });
    const back = leadsBack(c, entry, target);
    compiled[id] = {
      title: title ?? { fa: id, en: id },
      next: target,
      ...(back || outcome.maxTimes !== undefined ? { maxTimes: outcome.maxTimes ?? DEFAULT_MAX_TIMES } : {}),
      ...(outcome.roles ? { roles: outcomeRoles(c, who, outcome.roles, path) } : {}),
    };
  }
  return compiled;
}

function onTimeout(
  c: Compilation,
  entry: StepEntry,
  value: string | undefined,
  known: string[],
): string | undefined {
  if (value !== undefined && !known.includes(value)) {
    c.report(
      [...entry.path, 'onTimeout'],
      `onTimeout names '${value}', which is not an outcome of this step${didYouMean(value, known)}`,
      'unknown-outcome',
    );
  }
  return value;
}

/** Resolves an assignee, checking what it names exists. */
export function assignee(c: Compilation, entry: StepEntry, value: Assignee, path: DocPath): PlanAssignee {
  const forms = (['office', 'officeInField', 'department', 'sameAs', 'applicant'] as const).filter(
    (key) => value[key] !== undefined,
  );
  if (forms.length !== 1 || (value.role !== undefined && value.department === undefined)) {
    c.report(
      path,
      'an assignee is exactly one of office, officeInField, department (with an optional role), sameAs, applicant',
      'assignee-form',
    );
    return { type: 'intake-office' };
  }
  if (value.applicant === 'only') {
    c.feature('applicant-only', [...path, 'applicant']);
    return { type: 'applicant', only: true };
  }
  if (value.applicant) return { type: 'applicant' };
  if (value.officeInField !== undefined) {
    c.field(value.officeInField, [...path, 'officeInField']);
    return { type: 'office-in-field', field: value.officeInField };
  }
  if (value.sameAs !== undefined) {
    const target = c.entries.get(value.sameAs);
    if (!target) {
      c.report(
        [...path, 'sameAs'],
        `unknown step '${value.sameAs}'${didYouMean(value.sameAs, c.stepIds())}`,
        'unknown-step',
      );
    } else if (target.step.kind !== 'task') {
      c.report(
        [...path, 'sameAs'],
        `sameAs must name a task step; '${value.sameAs}' is a ${target.step.kind}`,
        'same-as-kind',
      );
    }
    return { type: 'same-as', step: value.sameAs };
  }
  if (value.office !== undefined) {
    if (value.office === 'intake') return { type: 'intake-office' };
    if (!c.org.office(value.office)) {
      c.report(
        [...path, 'office'],
        `unknown office '${value.office}'${didYouMean(value.office, c.org.officeIds())}`,
        'unknown-office',
      );
    }
    return { type: 'office', office: value.office };
  }
  const id = value.department ?? '';
  const department = c.org.department(id);
  if (!department) {
    c.report(
      [...path, 'department'],
      `unknown department '${id}'${didYouMean(id, c.org.departmentIds())}`,
      'unknown-department',
    );
  } else if (
    value.role !== undefined &&
    value.role !== 'head' &&
    !(department.roles ?? []).some((role) => role.id === value.role)
  ) {
    const roles = [...(department.roles ?? []).map((role) => role.id), 'head'];
    c.report(
      [...path, 'role'],
      `department '${id}' has no role '${value.role}' (its roles: ${roles.join(', ')})${didYouMean(value.role, roles)}`,
      'unknown-role',
    );
  }
  return {
    type: 'department',
    department: id,
    perDistrict: department?.perDistrict ?? false,
    ...(value.role !== undefined ? { role: value.role } : {}),
  };
}

/** How many levels above the unit the steering committee sits: 1 when its head is the supervisor. */
function committeeLevel(c: Compilation, who: PlanAssignee | undefined, agency?: string): number | undefined {
  const unit =
    who?.type === 'department'
      ? who.department
      : who?.type === 'office' || who?.type === 'intake-office' || who?.type === 'office-in-field'
        ? c.org.file.escalation.officeSupervisor
        : agency
          ? c.org.agency(agency)?.followUp
          : undefined;
  const top = c.org.file.escalation.steeringCommittee;
  let level = 1;
  for (let at = unit; at !== undefined && level <= 10; level++) {
    if (at === top) return level;
    at = c.org.department(at)?.escalatesTo ?? (at === top ? undefined : top);
  }
  return undefined;
}

/** A ladder that alerts the steering committee must be allowed to climb that high. */
function checkDepth(
  c: Compilation,
  entry: StepEntry,
  escalation: PlanEscalation,
  own: Escalation | undefined,
  level: number | undefined,
): void {
  const { maxDepth } = escalation;
  if (maxDepth === undefined || level === undefined || level <= maxDepth) return;
  if (!escalation.ladder.some((rung) => rung.to === 'steering-committee')) return;
  const path =
    own?.maxDepth !== undefined ? [...entry.path, 'escalation', 'maxDepth'] : ['escalation', 'maxDepth'];
  c.report(
    path,
    `the ladder of step '${entry.step.id}' alerts the steering committee, ${level} levels above its unit, beyond its maxDepth ${maxDepth}`,
    'ladder-depth',
  );
}

/** A work step's deadlines: its target, the law's limit, the extension it allows, its escalation. */
function deadlines(
  c: Compilation,
  entry: StepEntry,
  step: {
    sla: string;
    clock?: 'working' | 'continuous';
    statutoryDeadline?: string;
    maxExtension?: string;
    extension?: Extension;
    escalation?: Escalation;
  },
  who?: PlanAssignee,
  agency?: string,
) {
  const clock = c.clock(step.clock);
  const ofService = step.sla === 'service';
  if (ofService) c.feature('sla-of-service', [...entry.path, 'sla']);
  // A step with no SLA of its own carries the service's, for interpreters that read `sla`.
  const sla = ofService
    ? c.duration(typeof c.def.sla === 'string' ? c.def.sla : 'P1D', ['sla'])
    : c.duration(step.sla, [...entry.path, 'sla'], { clock });
  const statutory =
    step.statutoryDeadline === undefined
      ? undefined
      : c.statutory(step.statutoryDeadline, sla, [...entry.path, 'statutoryDeadline'], clock);
  const maxExtension =
    step.maxExtension === undefined
      ? undefined
      : c.duration(step.maxExtension, [...entry.path, 'maxExtension'], { clock });
  const extension = step.extension ? c.extension(step.extension, maxExtension, entry.path) : undefined;
  if (ofService && (maxExtension || extension)) {
    c.report(
      [...entry.path, step.extension ? 'extension' : 'maxExtension'],
      "a step with no SLA of its own has no deadline of its own to extend: extend the request's target",
      'extension-without-sla',
    );
  }
  const ladder = c.escalation(step.escalation, entry.path, clock);
  const top = committeeLevel(c, who, agency);
  checkDepth(c, entry, ladder, step.escalation, top);
  // A rung that climbs every so often climbs to the top of the chain at most.
  const climbs = top !== undefined && ladder.ladder.some((rung) => rung.every);
  const escalation = climbs ? { ...ladder, top } : ladder;
  return {
    sla,
    ...(ofService ? { slaOfService: true as const } : {}),
    ...(statutory ? { statutoryDeadline: statutory } : {}),
    ...(maxExtension ? { maxExtension } : {}),
    ...(extension ? { extension } : {}),
    escalation,
  };
}

/** What the citizen reads while the request is at a step. */
function status(c: Compilation, entry: StepEntry, value: Title | undefined): { status?: Title } {
  if (!value) return {};
  c.feature('step-status', [...entry.path, 'status']);
  return { status: value };
}

/** A clock that stands still while the step is open, for at most the expected time. */
function suspension(
  c: Compilation,
  entry: StepEntry,
  value: Suspension | undefined,
  clock: 'working' | 'continuous' | undefined,
): { suspend?: { expected: PlanDuration; reason: Title } } {
  if (!value) return {};
  const path = [...entry.path, 'suspend'];
  c.feature('suspend', path);
  return {
    suspend: {
      expected: c.duration(value.expected, [...path, 'expected'], { clock: c.clock(clock) }),
      reason: value.reason,
    },
  };
}

const PLACEHOLDER = /\{([^{}]+)\}/g;

function checkMessage(c: Compilation, entry: StepEntry, message: { fa: string; en: string }): void {
  const known = c.fields.map((f) => f.join('.'));
  for (const language of ['fa', 'en'] as const) {
    for (const [, name = ''] of message[language].matchAll(PLACEHOLDER)) {
      const field = name.startsWith('data.') ? name.slice(5) : undefined;
      if (name === 'trackingCode' || name === 'service' || (field !== undefined && known.includes(field)))
        continue;
      c.report(
        [...entry.path, 'message', language],
        `unknown placeholder {${name}}; use {trackingCode}, {service} or {data.<field>}`,
        'unknown-placeholder',
      );
    }
  }
}

export function compileStep(c: Compilation, entry: StepEntry): PlanStep {
  const { step, path, scope } = entry;
  const base = { id: step.id, scope };
  switch (step.kind) {
    case 'task': {
      if (step.outcomes && step.next !== undefined) {
        c.report(
          [...path, 'next'],
          'a task with outcomes names `next` on each outcome instead',
          'next-with-outcomes',
          {
            key: true,
          },
        );
      }
      const who = assignee(c, entry, step.assignee, [...path, 'assignee']);
      const compiled = step.outcomes
        ? outcomes(c, entry, step.outcomes, who)
        : {
            done: {
              title: STANDARD_OUTCOMES.done ?? { fa: 'انجام شد', en: 'Done' },
              next: next(c, entry, step.next),
            },
          };
      const form = c.form(step.form, [...path, 'form']);
      const timeout = onTimeout(c, entry, step.onTimeout, Object.keys(compiled));
      return {
        ...base,
        kind: 'task',
        title: step.title,
        ...status(c, entry, step.status),
        assignee: who,
        ...deadlines(c, entry, step, who),
        ...(form ? { form } : {}),
        outcomes: compiled,
        ...(timeout ? { onTimeout: timeout } : {}),
        ...suspension(c, entry, step.suspend, step.clock),
      };
    }
    case 'inquiry': {
      if (!c.org.agency(step.agency)) {
        c.report(
          [...path, 'agency'],
          `unknown agency '${step.agency}'${didYouMean(step.agency, c.org.agencyIds())}`,
          'unknown-agency',
        );
      }
      const compiled = outcomes(c, entry, step.outcomes, { type: 'agency', agency: step.agency });
      const form = c.form(step.form, [...path, 'form']);
      const timeout = onTimeout(c, entry, step.onTimeout, Object.keys(compiled));
      return {
        ...base,
        kind: 'inquiry',
        title: step.title,
        ...status(c, entry, step.status),
        agency: step.agency,
        ...deadlines(c, entry, step, undefined, step.agency),
        ...(form ? { form } : {}),
        outcomes: compiled,
        ...(timeout ? { onTimeout: timeout } : {}),
        ...suspension(c, entry, step.suspend, step.clock),
      };
    }
    case 'payment': {
      const fees = (c.def.fees ?? []).map((fee) => fee.id);
      if (!fees.includes(step.fee)) {
        c.report([...path, 'fee'], `unknown fee '${step.fee}'${didYouMean(step.fee, fees)}`, 'unknown-fee');
      }
      return {
        ...base,
        kind: 'payment',
        title: step.title,
        ...status(c, entry, step.status),
        fee: step.fee,
        ...deadlines(c, entry, step, { type: 'treasury' }),
        next: next(c, entry, step.next),
      };
    }
    case 'branch':
      return {
        ...base,
        kind: 'branch',
        title: step.title ?? { fa: 'انتخاب مسیر', en: 'Route by request data' },
        cases: step.cases.map((branch, i) => ({
          when: c.expression(branch.when, [...path, 'cases', i, 'when']),
          text: branch.when,
          next: c.stepRef(branch.next, entry, [...path, 'cases', i, 'next']),
        })),
        default: c.stepRef(step.default, entry, [...path, 'default']),
      };
    case 'parallel':
      return {
        ...base,
        kind: 'parallel',
        title: step.title,
        ...status(c, entry, step.status),
        join: step.join ?? 'all',
        branches: step.branches.map((branch) => ({ id: branch.id, start: branch.steps[0]?.id ?? '' })),
        next: next(c, entry, step.next),
      };
    case 'automatic': {
      const spec = actionSpec(step.action);
      let params: Record<string, unknown> = {};
      if (!spec) {
        c.report(
          [...path, 'action'],
          `unknown action '${step.action}'; available: ${Compilation.actionNames().join(', ')}${didYouMean(step.action, Compilation.actionNames())}`,
          'unknown-action',
        );
      } else {
        const validate = parametersAjv.compile(spec.parameters);
        if (!validate(step.with ?? {})) {
          const detail = (validate.errors ?? [])
            .map((e) => `${e.instancePath || 'with'} ${e.message ?? ''}`)
            .join('; ');
          c.report(
            [...path, 'with'],
            `parameters of action '${step.action}' do not fit it: ${detail}`,
            'action-parameters',
          );
        } else {
          params = spec.compile(step.with ?? {}, {
            expression: (text, sub) => c.expression(text, [...path, ...sub]),
            field: (name, sub) => c.field(name, [...path, ...sub]),
          });
        }
      }
      return {
        ...base,
        kind: 'automatic',
        title: step.title,
        action: step.action,
        with: params,
        retry: {
          maxAttempts: step.retry?.maxAttempts ?? ACTION_RETRY.maxAttempts,
          initialInterval: step.retry?.initialInterval ?? ACTION_RETRY.initialInterval,
        },
        next: next(c, entry, step.next),
      };
    }
    case 'notify':
      checkMessage(c, entry, step.message);
      step.to.forEach((to, i) => {
        if (to.applicant === 'only')
          c.report(
            [...path, 'to', i, 'applicant'],
            '`applicant: only` is for a task the citizen must do themselves; a message goes to `applicant: true`',
            'assignee-form',
          );
      });
      return {
        ...base,
        kind: 'notify',
        title: step.title ?? { fa: 'اطلاع‌رسانی', en: 'Notification' },
        to: step.to.map((to, i) => assignee(c, entry, to, [...path, 'to', i])),
        message: step.message,
        next: next(c, entry, step.next),
      };
    case 'end':
      return {
        ...base,
        kind: 'end',
        title:
          step.title ??
          (step.result === 'completed'
            ? { fa: 'پایان: انجام شد', en: 'Completed' }
            : { fa: 'پایان: رد شد', en: 'Rejected' }),
        result: step.result,
      };
  }
}

export type { Step };

/**
 * The references of a step the schema found broken, checked where the schema left them whole:
 * where it leads, who does it, its agency and fee. So a misspelt key and a misspelt step name
 * are reported in one load, not one after the other.
 */
export function checkReferencesOfBroken(c: Compilation, entry: StepEntry): void {
  const { path } = entry;
  const step = entry.step as unknown as Record<string, unknown>;
  const whole = (...sub: (string | number)[]) => !c.broken([...path, ...sub]);
  const reference = (value: unknown, ...sub: (string | number)[]) => {
    if (typeof value === 'string' && whole(...sub)) c.stepRef(value, entry, [...path, ...sub]);
  };
  reference(step.next, 'next');
  reference(step.default, 'default');
  if (step.outcomes && typeof step.outcomes === 'object')
    for (const [id, outcome] of Object.entries(step.outcomes as Record<string, { next?: unknown }>))
      reference(outcome?.next, 'outcomes', id, 'next');
  if (Array.isArray(step.cases))
    (step.cases as { next?: unknown }[]).forEach((branch, i) => reference(branch?.next, 'cases', i, 'next'));
  if (step.assignee && typeof step.assignee === 'object' && whole('assignee'))
    assignee(c, entry, step.assignee, [...path, 'assignee']);
  if (typeof step.agency === 'string' && whole('agency') && !c.org.agency(step.agency))
    c.report(
      [...path, 'agency'],
      `unknown agency '${step.agency}'${didYouMean(step.agency, c.org.agencyIds())}`,
      'unknown-agency',
    );
  const fees = (c.def.fees ?? []).map((fee) => fee.id);
  if (step.kind === 'payment' && typeof step.fee === 'string' && whole('fee') && !fees.includes(step.fee))
    c.report([...path, 'fee'], `unknown fee '${step.fee}'${didYouMean(step.fee, fees)}`, 'unknown-fee');
}
