/**
 * Compiles a service definition into the execution plan the interpreter runs, and checks what
 * a schema cannot: references between steps, fees, departments, roles, offices, agencies and
 * actions; expressions and forms; reachability, loops with no way out, and whether the steps
 * fit the service SLA. Parts the schema already found broken are left alone, so one load
 * reports schema and compiler problems together.
 */
import type { ServiceDefinition } from '../generated/service-definition';
import type { Organisation } from '../organisation/organisation';
import { RUN_BY_INTERPRETER, type LanguageFeature } from '../plan/features';
import type { PlanStep, ServicePlan } from '../plan/types';
import { contentHash } from './canonical-json';
import { Compilation } from './compile-context';
import { checkGraph } from './compile-graph';
import { checkReferencesOfBroken, compileStep } from './compile-steps';
import type { Problem } from './problem';
import type { DocPath, YamlSource } from './yaml-source';

export interface CompileResult {
  plan?: ServicePlan;
  problems: Problem[];
}

export interface CompileOptions {
  /** The language features a plan may use: by default those the interpreter runs. */
  features?: ReadonlySet<LanguageFeature>;
}

function compileFees(c: Compilation): ServicePlan['fees'] {
  const fees: ServicePlan['fees'] = {};
  const paid = new Set(
    [...c.entries.values()].flatMap(({ step }) => (step.kind === 'payment' ? [step.fee] : [])),
  );
  (c.def.fees ?? []).forEach((fee, index) => {
    const path = ['fees', index];
    if (c.broken(path) || typeof fee.id !== 'string') return;
    if (fees[fee.id]) {
      c.report([...path, 'id'], `duplicate fee id '${fee.id}'`, 'duplicate-id');
      return;
    }
    fees[fee.id] =
      typeof fee.amount === 'number'
        ? { id: fee.id, title: fee.title, amount: { fixed: fee.amount } }
        : {
            id: fee.id,
            title: fee.title,
            amount: { formula: c.expression(fee.amount, [...path, 'amount']), text: fee.amount },
          };
    if (!paid.has(fee.id)) {
      c.report(
        [...path, 'id'],
        `fee '${fee.id}' is never paid: no payment step names it`,
        'fee-without-payment',
      );
    }
  });
  return fees;
}

export function compileService(
  def: ServiceDefinition,
  source: YamlSource,
  org: Organisation,
  schemaErrorPaths: DocPath[] = [],
  options: CompileOptions = {},
): CompileResult {
  const c = new Compilation(def, source, org, schemaErrorPaths);
  if (!Array.isArray(def.steps) || def.steps.length === 0) return { problems: [] };
  c.collect(def.steps, ['steps'], '');
  c.collectFields();

  const fees = compileFees(c);
  const steps: Record<string, PlanStep> = {};
  for (const [id, entry] of c.entries) {
    if (entry.valid) steps[id] = compileStep(c, entry);
    else checkReferencesOfBroken(c, entry);
  }
  const form = c.broken(['form']) ? undefined : c.form(def.form, ['form']);
  const sla = c.duration(typeof def.sla === 'string' && !c.broken(['sla']) ? def.sla : 'P1D', ['sla']);
  const urgency =
    def.urgency && !c.broken(['urgency'])
      ? {
          when: c.expression(def.urgency.when, ['urgency', 'when']),
          text: def.urgency.when,
          sla: c.duration(def.urgency.sla, ['urgency', 'sla'], {
            clock: def.urgency.clock ?? c.clock(undefined),
          }),
        }
      : undefined;
  const statutory =
    typeof def.statutoryDeadline === 'string' && !c.broken(['statutoryDeadline'])
      ? c.statutory(def.statutoryDeadline, sla, ['statutoryDeadline'], c.clock(undefined))
      : undefined;
  const maxExtension =
    typeof def.maxExtension === 'string' && !c.broken(['maxExtension'])
      ? c.duration(def.maxExtension, ['maxExtension'])
      : undefined;
  const extension =
    def.extension && !c.broken(['extension']) ? c.extension(def.extension, maxExtension, []) : undefined;

  const plan: ServicePlan = {
    serviceId: def.id,
    version: 0,
    hash: contentHash(def),
    title: def.title,
    domain: def.domain,
    intake: def.intake,
    sla,
    ...(urgency ? { urgency } : {}),
    ...(statutory ? { statutoryDeadline: statutory } : {}),
    ...(maxExtension ? { maxExtension } : {}),
    ...(extension ? { extension } : {}),
    routing: {
      officeChoice: def.routing?.officeChoice ?? 'rule',
      fallback: def.routing?.fallback ?? 'neighbours',
    },
    ...(form ? { form } : {}),
    documents: (def.documents ?? []).map((d) => ({
      id: d.id,
      title: d.title,
      optional: d.optional ?? false,
    })),
    fees,
    start: def.steps[0]?.id ?? '',
    steps,
  };
  // A broken or dangling part makes the graph not the designer's; its findings would be noise.
  const trustworthy =
    !c.anyBroken &&
    !c.problems.some((p) => ['unknown-step', 'duplicate-id', 'cross-branch'].includes(p.rule));
  if (trustworthy) checkGraph(c, plan);
  c.refuseFeaturesNotRun(options.features ?? RUN_BY_INTERPRETER);
  return c.problems.length > 0 || c.anyBroken ? { problems: c.problems } : { plan, problems: [] };
}
