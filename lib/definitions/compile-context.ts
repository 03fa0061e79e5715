/**
 * The state of one compilation: the definition, where each step sits, the fields expressions
 * may read, and the problems found so far, each located in the source.
 */
import { ACTIONS, actionSpec } from '../actions/catalog';
import { nominalDayMs, parseWorkingDuration } from '../calendar/working-time';
import { fieldsOf, type Expr } from '../expressions/ast';
import { ExpressionSyntaxError, parseExpression } from '../expressions/parse';
import type { Escalation, Extension, ServiceDefinition, Step } from '../generated/service-definition';
import type { Organisation } from '../organisation/organisation';
import type { ClockKind } from '../calendar/clock';
import { LANGUAGE_FEATURES, type LanguageFeature } from '../plan/features';
import type { PlanDuration, PlanEscalation, PlanExtension } from '../plan/types';
import { compileForm, formFields, unfitExamples, unlabelledFields } from './form-schemas';
import type { Problem } from './problem';
import { didYouMean } from './schemas';
import type { DocPath, YamlSource } from './yaml-source';

/** Where a step sits: its path in the document, its scope, and the list it is in. */
export interface StepEntry {
  step: Step;
  path: DocPath;
  /** '' at the top level, `<parallel id>/<branch id>` inside a parallel branch. */
  scope: string;
  list: Step[];
  index: number;
  /** The parallel step whose branch holds this step. */
  parallel?: string;
  /** False when the schema already found problems inside the step. */
  valid: boolean;
}

const startsWith = (path: DocPath, prefix: DocPath) =>
  prefix.length <= path.length && prefix.every((part, i) => path[i] === part);

export class Compilation {
  readonly problems: Problem[] = [];
  readonly entries = new Map<string, StepEntry>();
  fields: string[][] = [];
  /** Where the definition uses features that came after the interpreter. */
  private readonly uses: { feature: LanguageFeature; path: DocPath }[] = [];

  constructor(
    readonly def: ServiceDefinition,
    readonly source: YamlSource,
    readonly org: Organisation,
    /** Paths where the schema found problems: the compiler leaves those parts alone. */
    private readonly schemaErrorPaths: DocPath[],
  ) {}

  /** Whether the schema found problems at or inside this path. */
  broken(path: DocPath): boolean {
    return this.schemaErrorPaths.some((errorPath) => startsWith(errorPath, path));
  }

  /** Whether the schema found any problem at all. */
  get anyBroken(): boolean {
    return this.schemaErrorPaths.length > 0;
  }

  report(path: DocPath, message: string, rule: string, options: { key?: boolean } = {}): void {
    const problem = this.source.problem(path, message, rule, options);
    // The service's ladder is compiled for each step; its problems are said once.
    const said = this.problems.some(
      (p) => p.path === problem.path && p.rule === problem.rule && p.message === problem.message,
    );
    if (!said) this.problems.push(problem);
  }

  /** Registers every step, those inside parallel branches too, reporting duplicate ids. */
  collect(steps: Step[], base: DocPath, scope: string, parallel?: string): void {
    steps.forEach((step, index) => {
      const path = [...base, index];
      if (typeof step?.id !== 'string') return;
      if (this.entries.has(step.id)) {
        this.report([...path, 'id'], `duplicate step id '${step.id}'`, 'duplicate-id');
        return;
      }
      this.entries.set(step.id, {
        step,
        path,
        scope,
        list: steps,
        index,
        ...(parallel ? { parallel } : {}),
        valid: !this.broken(path),
      });
      if (step.kind === 'parallel' && Array.isArray(step.branches)) {
        const branchIds = new Set<string>();
        step.branches.forEach((branch, b) => {
          if (branchIds.has(branch.id)) {
            this.report([...path, 'branches', b, 'id'], `duplicate branch id '${branch.id}'`, 'duplicate-id');
          }
          branchIds.add(branch.id);
          if (Array.isArray(branch.steps)) {
            this.collect(branch.steps, [...path, 'branches', b, 'steps'], `${step.id}/${branch.id}`, step.id);
          }
        });
      }
    });
  }

  /** The fields expressions may read: every form's, and those automatic steps set. */
  collectFields(): void {
    const fromSteps = [...this.entries.values()].flatMap(({ step }): string[][] => {
      if (step.kind === 'task' || step.kind === 'inquiry') return formFields(step.form);
      if (step.kind === 'automatic') {
        const spec = actionSpec(step.action);
        try {
          return spec ? spec.produces(step.with ?? {}).map((field) => [field]) : [];
        } catch {
          return [];
        }
      }
      return [];
    });
    this.fields = [...formFields(this.def.form), ...fromSteps];
  }

  stepIds(): string[] {
    return [...this.entries.keys()];
  }

  /**
   * Checks a reference from a step to another: it must exist, and be in the same branch or be
   * an end step of the top level. Returns the id either way so compiling goes on.
   */
  stepRef(id: string, from: StepEntry, path: DocPath): string {
    const target = this.entries.get(id);
    if (!target) {
      this.report(path, `unknown step '${id}'${didYouMean(id, this.stepIds())}`, 'unknown-step');
    } else if (target.scope !== from.scope && !(target.step.kind === 'end' && target.scope === '')) {
      this.report(
        path,
        `step '${id}' is in another branch; a step may lead only to steps of its own branch or to an end step`,
        'cross-branch',
      );
    }
    return id;
  }

  /** The clock a step's SLA runs on: its own, else the service's, else working time. */
  clock(own: ClockKind | undefined): ClockKind {
    return own ?? this.def.clock ?? 'working';
  }

  duration(
    text: string,
    path: DocPath,
    options: { allowZero?: boolean; clock?: ClockKind } = {},
  ): PlanDuration {
    const duration = parseWorkingDuration(text) ?? { days: 0, ms: 0 };
    if (!options.allowZero && duration.days === 0 && duration.ms === 0) {
      this.report(path, 'a duration must be longer than zero', 'sla-zero');
    }
    return { text, duration, clock: options.clock ?? this.clock(undefined) };
  }

  expression(text: string, path: DocPath): Expr {
    try {
      const expr = parseExpression(text);
      const known = this.fields.map((f) => f.join('.'));
      for (const field of fieldsOf(expr)) {
        const name = field.join('.');
        if (!known.includes(name)) {
          this.report(
            path,
            `expression reads '${name}', which no form or automatic step of this service provides${didYouMean(name, known)}`,
            'unknown-field',
          );
        }
      }
      return expr;
    } catch (error) {
      if (!(error instanceof ExpressionSyntaxError)) throw error;
      const at = error.index === undefined ? '' : ` (at character ${error.index + 1})`;
      this.report(path, `invalid expression '${text}': ${error.message}${at}`, 'expression-syntax');
      return { k: 'literal', value: null };
    }
  }

  /** Checks a field of the request's data is declared by some form or automatic step. */
  field(name: string, path: DocPath): void {
    const known = this.fields.map((f) => f.join('.'));
    if (!known.includes(name)) {
      this.report(
        path,
        `no form or automatic step of this service provides the field '${name}'${didYouMean(name, known)}`,
        'unknown-field',
      );
    }
  }

  form(schema: Record<string, unknown> | undefined, path: DocPath): Record<string, unknown> | undefined {
    if (!schema) return undefined;
    try {
      compileForm(schema);
    } catch (error) {
      this.report(path, `form schema does not compile: ${(error as Error).message}`, 'form-schema');
      return schema;
    }
    for (const unlabelled of unlabelledFields(schema)) {
      this.report([...path, ...unlabelled.path], unlabelled.why, unlabelled.rule);
    }
    for (const unfit of unfitExamples(schema)) {
      this.report(
        [...path, ...unfit.path],
        `the example does not fit its field: ${unfit.why}`,
        'form-example',
      );
    }
    return schema;
  }

  /** A step's escalation: its own settings over the service's over the organisation's default. */
  escalation(own: Escalation | undefined, path: DocPath, clock: ClockKind): PlanEscalation {
    const service = this.def.escalation;
    const fallback = this.org.file.escalation.default;
    const ladder = own?.ladder ?? service?.ladder ?? fallback.ladder ?? [];
    const ladderPath = own?.ladder ? [...path, 'escalation', 'ladder'] : ['escalation', 'ladder'];
    const compiled = ladder.map((rung, i) => {
      if (rung.every !== undefined) {
        // The organisation's default ladder is checked with the organisation.
        if (own?.ladder || service?.ladder) this.feature('ladder-every', [...ladderPath, i, 'every']);
        if (rung.to !== 'superior')
          this.report(
            [...ladderPath, i, 'every'],
            '`every` climbs the chain of superiors: it goes with `to: superior`',
            'rung-every',
          );
      }
      return {
        after: this.duration(rung.after, [...ladderPath, i, 'after'], { allowZero: true, clock }),
        to: rung.to,
        ...(rung.every !== undefined
          ? { every: this.duration(rung.every, [...ladderPath, i, 'every'], { clock }) }
          : {}),
      };
    });
    const maxDepth = own?.maxDepth ?? service?.maxDepth ?? fallback.maxDepth;
    if (maxDepth !== undefined) {
      const depthPath =
        own?.maxDepth !== undefined ? [...path, 'escalation', 'maxDepth'] : ['escalation', 'maxDepth'];
      if (own?.maxDepth !== undefined || service?.maxDepth !== undefined)
        this.feature('ladder-depth', depthPath);
    }
    if (own?.ladder || service?.ladder) {
      const ms = compiled.map((rung) => rung.after.duration.days * 86_400_000 + rung.after.duration.ms);
      ms.forEach((value, i) => {
        if (i > 0 && value < (ms[i - 1] ?? 0)) {
          this.report([...ladderPath, i, 'after'], 'rungs must come in order of `after`', 'ladder-order');
        }
      });
    }
    return {
      remindAt: own?.remindAt ?? service?.remindAt ?? fallback.remindAt ?? 0.8,
      ladder: compiled,
      ...(maxDepth !== undefined ? { maxDepth } : {}),
    };
  }

  /** A statutory deadline, which must leave at least the target's time. */
  statutory(text: string, target: PlanDuration, path: DocPath, clock: ClockKind): PlanDuration {
    const statutory = this.duration(text, path, { clock });
    const day = nominalDayMs(this.org.calendar);
    const nominal = (d: PlanDuration) => d.duration.days * day + d.duration.ms;
    if (nominal(statutory) < nominal(target)) {
      this.report(
        path,
        `the statutory deadline ${text} is shorter than the target ${target.text}`,
        'statutory-before-target',
      );
    }
    return statutory;
  }

  /** Notes that the definition uses a feature of the language at a path. */
  feature(feature: LanguageFeature, path: DocPath): void {
    this.uses.push({ feature, path });
  }

  /** Refuses each use of a feature the interpreter does not run: a request would ignore it. */
  refuseFeaturesNotRun(run: ReadonlySet<LanguageFeature>): void {
    for (const use of this.uses) {
      if (run.has(use.feature)) continue;
      this.report(
        use.path,
        `${LANGUAGE_FEATURES[use.feature]} is in the language, but the interpreter does not run it yet: a request would ignore it`,
        'not-yet-run',
      );
    }
  }

  /**
   * Limits on extensions beside `maxExtension`. A limit of times needs a limit of how far in
   * all, a share or `maxExtension`: otherwise nothing bounds the deadline.
   */
  extension(value: Extension, maxExtension: PlanDuration | undefined, base: DocPath): PlanExtension {
    const path = [...base, 'extension'];
    this.feature('extension-limits', path);
    if (value.maxShare === undefined && !maxExtension) {
      this.report(
        path,
        'an extension needs a bound in all: `maxShare` of the term, or `maxExtension`',
        'extension-bound',
      );
    }
    return {
      ...(value.maxTimes !== undefined ? { maxTimes: value.maxTimes } : {}),
      ...(value.maxShare !== undefined ? { maxShare: value.maxShare } : {}),
    };
  }

  /** Names of the actions automatic steps may use, for messages. */
  static actionNames(): string[] {
    return Object.keys(ACTIONS);
  }
}
