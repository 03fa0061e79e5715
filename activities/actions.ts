/**
 * Implementations of the actions automatic steps name (their specs are in lib/actions). The
 * record type makes every action of the catalog have an implementation.
 */
import { gregorianToJalali, jalaliYearsAfter } from '../lib/calendar/jalali';
import { ApplicationFailure } from '@temporalio/common';
import {
  GRANT_FIELDS,
  type ActionName,
  type ComputeParams,
  type IssueNumberParams,
  type OfficeParams,
} from '../lib/actions/catalog';
import { evaluate, ExpressionError } from '../lib/expressions/evaluate';
import type { Office } from '../lib/generated/organisation';
import { changeUnderKey, type LicenceState } from '../lib/organisation/licences';
import type { Organisation } from '../lib/organisation/organisation';
import type { Queryable } from '../store/database';
import { officeRecord } from '../store/office-work';
import {
  changeLicenceUpdate,
  licencesQuery,
  registerLicencesSignal,
  registryIdOf,
} from '../workflows/licence-messages';
import type { TemporalAccess } from './live-offices';

export interface ActionInput {
  action: string;
  params: Record<string, unknown>;
  trackingCode: string;
  data: Record<string, unknown>;
  /** The office that took the request, for actions on `office: intake`. */
  intakeOffice?: string;
  /**
   * The step's key (request, step, how many times it ran before), the same on every attempt:
   * an action that changes the registry finds what an earlier attempt did under it.
   */
  key?: string;
}

export interface ActionResult {
  /** Fields to set on the request's data. */
  data: Record<string, unknown>;
  note: string;
}

export interface ActionContext {
  org: Organisation;
  temporal?: TemporalAccess;
  /** The work store, for actions that weigh an office's record. */
  store?: Queryable;
  /** Today in the city, YYYY-MM-DD. */
  today: () => string;
}

type Implementation = (input: ActionInput, ctx: ActionContext) => Promise<ActionResult>;

const pad = (n: number) => String(n).padStart(2, '0');

function failed(message: string, nonRetryable = false): ApplicationFailure {
  return ApplicationFailure.create({ type: 'ActionFailed', message, nonRetryable });
}

/** The office an action acts on: the intake office, or the one a data field names. */
function officeOf(input: ActionInput): string {
  const { office } = input.params as unknown as OfficeParams;
  const id = office === 'intake' ? input.intakeOffice : input.data[office];
  if (typeof id !== 'string' || id === '') throw failed(`no office to act on (${office})`, true);
  return id;
}

function temporalOf(ctx: ActionContext): TemporalAccess {
  if (!ctx.temporal) throw failed('this action needs the licence registry', true);
  return ctx.temporal;
}

/** What a grant tells the request: the new office, its licence number and last day. */
function grantResult(licence: LicenceState): ActionResult {
  const { officeId, number, validUntil } = licence;
  return {
    data: { officeId, licenceNumber: number, licenceValidUntil: gregorianToJalali(validUntil) },
    note: `office ${officeId} licensed as ${number} until ${gregorianToJalali(validUntil)}`,
  };
}

export const ACTION_IMPLEMENTATIONS: Record<ActionName, Implementation> = {
  async compute(input) {
    const { set } = input.params as unknown as ComputeParams;
    const data: Record<string, unknown> = {};
    for (const { field, expr, text } of set) {
      try {
        data[field] = evaluate(expr, { ...input.data, ...data });
      } catch (error) {
        if (!(error instanceof ExpressionError)) throw error;
        throw failed(`${field} = ${text}: ${error.message}`);
      }
    }
    return { data, note: `computed ${Object.keys(data).join(', ')}` };
  },

  async 'issue-number'(input, ctx) {
    const { field, prefix } = input.params as unknown as IssueNumberParams;
    const value = `${prefix}-${gregorianToJalali(ctx.today()).slice(0, 4)}-${input.trackingCode}`;
    return { data: { [field]: value }, note: `issued ${field} ${value}` };
  },

  async 'suspend-office-licence'(input, ctx) {
    const temporal = temporalOf(ctx);
    const officeId = officeOf(input);
    const reason = `${String(input.params.reason)} (request ${input.trackingCode})`;
    try {
      await temporal.client.workflow
        .getHandle(registryIdOf(temporal.taskQueue))
        .executeUpdate(changeLicenceUpdate, {
          args: [
            {
              officeId,
              action: 'suspend',
              reason,
              by: `request:${input.trackingCode}`,
              ...(input.key ? { key: input.key } : {}),
            },
          ],
        });
    } catch (error) {
      // Already suspended or revoked: the outcome the step wants holds.
      return { data: {}, note: `licence of ${officeId} not suspended: ${(error as Error).message}` };
    }
    return { data: {}, note: `licence of ${officeId} suspended: ${reason}` };
  },

  async 'renew-office-licence'(input, ctx) {
    const temporal = temporalOf(ctx);
    const officeId = officeOf(input);
    const handle = temporal.client.workflow.getHandle(registryIdOf(temporal.taskQueue));
    const licence = (await handle.query(licencesQuery)).find((l) => l.officeId === officeId);
    if (!licence) throw failed(`no licence of ${officeId}`, true);
    const from = licence.validUntil > ctx.today() ? licence.validUntil : ctx.today();
    // Renewed already under this key (the attempt that did it was lost): the registry answers
    // the licence as that renewal left it, and nothing is renewed twice.
    const { validUntil } = await handle.executeUpdate(changeLicenceUpdate, {
      args: [
        {
          officeId,
          action: 'renew',
          reason: `renewed by request ${input.trackingCode}`,
          by: `request:${input.trackingCode}`,
          validUntil: jalaliYearsAfter(from, Number(input.params.years)),
          ...(input.key ? { key: input.key } : {}),
        },
      ],
    });
    return {
      data: { licenceValidUntil: gregorianToJalali(validUntil) },
      note: `licence of ${officeId} valid until ${gregorianToJalali(validUntil)}`,
    };
  },

  async 'grant-office-licence'(input, ctx) {
    const temporal = temporalOf(ctx);
    const missing = GRANT_FIELDS.filter((field) => input.data[field] === undefined);
    if (missing.length > 0) throw failed(`the request lacks ${missing.join(', ')}`, true);
    const district = String(input.data.officeDistrict);
    const handle = temporal.client.workflow.getHandle(registryIdOf(temporal.taskQueue));
    const prefix = `o-${district.replace(/^d/, '')}`;
    const validUntil = jalaliYearsAfter(ctx.today(), Number(input.params.years));
    let sent: LicenceState | undefined;
    /** This step's grant: under its key, or (without one) the licence it just sent. */
    const ours = (l: LicenceState) =>
      input.key
        ? changeUnderKey(l, input.key) !== undefined
        : l.officeId === sent?.officeId && l.history[0]?.at === sent.history[0]?.at;
    // Two grants in one district at once may pick the same number; the registry keeps the first
    // it hears of. The other sees its number taken (a query follows the signals sent before it)
    // and picks the next one, so no two requests hold one office and none is left without.
    for (let round = 0; round < 20; round++) {
      const registered = await handle.query(licencesQuery);
      // Granted already under this key (the attempt that did it was lost), or just now.
      const granted = registered.find(ours);
      if (granted) return grantResult(granted);
      const held = new Set([...ctx.org.officeIds(), ...registered.map((l) => l.officeId)]);
      let n = 1;
      while (held.has(`${prefix}${pad(n)}`)) n++;
      const officeId = `${prefix}${pad(n)}`;
      const number = `DKS-${officeId.slice(2)}`;
      const office: Office = {
        id: officeId,
        title: { fa: String(input.data.officeTitleFa), en: String(input.data.officeTitleEn) },
        licence: { number, status: 'active', validUntil: gregorianToJalali(validUntil) },
        districts: [district],
        scope: { domains: input.data.officeDomains as NonNullable<Office['scope']['domains']> },
        capacity: Number(input.data.officeCapacity),
      };
      sent = {
        officeId,
        number,
        status: 'active',
        validUntil,
        history: [
          {
            at: new Date().toISOString(),
            action: 'grant',
            status: 'active',
            reason: `granted by request ${input.trackingCode}`,
            by: `request:${input.trackingCode}`,
            validUntil,
            ...(input.key ? { key: input.key } : {}),
          },
        ],
        office,
      };
      await handle.signal(registerLicencesSignal, [sent]);
    }
    throw failed(`no free office number in ${district} after 20 tries`);
  },

  async 'measure-office-performance'(input, ctx) {
    if (!ctx.store) throw failed('this action needs the work store', true);
    const officeId = officeOf(input);
    const { tasksDone, tasks, breached } = await officeRecord(ctx.store, officeId);
    const breachRate = tasks ? Math.round((breached / tasks) * 1000) / 1000 : 0;
    return {
      data: { tasksDone, breachRate },
      note: `${officeId}: ${tasksDone} tasks done, breach rate ${breachRate}`,
    };
  },
};

export async function runAction(input: ActionInput, ctx: ActionContext): Promise<ActionResult> {
  const implementation = (ACTION_IMPLEMENTATIONS as Record<string, Implementation | undefined>)[input.action];
  if (!implementation) throw failed(`no action '${input.action}'`, true);
  return implementation(input, ctx);
}
