/**
 * Offices and their licences for managers and inspectors: the licence as it stands and every
 * change to it, the work each office holds, and changes to a licence, which act at once.
 * Reports: how the rule spread a service's work in a district over the eligible offices, and
 * how each office performs.
 */
import { WorkflowUpdateFailedError, type Client, type WorkflowExecutionInfo } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { jalaliToGregorian } from '../lib/calendar/jalali';
import { cityDate } from '../lib/calendar/working-time';
import type { Office } from '../lib/generated/organisation';
import { fairness, gini, type FairnessReport, type Spread } from '../lib/organisation/fairness';
import { statusOn, type LicenceState } from '../lib/organisation/licences';
import type { Organisation } from '../lib/organisation/organisation';
import { SA } from '../lib/temporal/search-attributes';
import { officeWorkQuery } from '../activities/live-offices';
import {
  changeLicenceUpdate,
  licencesQuery,
  registryIdOf,
  type LicenceCommand,
} from '../workflows/licence-messages';
import type { Presenter } from './present';
import { ProblemError } from './problem';

type Work = Record<string, { tasks: number; done: number; breached: number; ms: number }>;

export interface OfficePerformance {
  office: string;
  openLoad: number;
  capacity: number;
  tasksDone: number;
  /** Mean time from a task's opening to its completion, in hours. */
  meanCompletionHours: number | null;
  breaches: number;
}

export class OfficeService {
  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
    private readonly org: Organisation,
    private readonly present: Presenter,
  ) {}

  private today(): string {
    return cityDate(this.org.calendar, Date.now());
  }

  async licences(): Promise<Map<string, LicenceState>> {
    const list = await this.client.workflow.getHandle(registryIdOf(this.taskQueue)).query(licencesQuery);
    return new Map(list.map((l) => [l.officeId, l]));
  }

  private async load(officeId: string): Promise<number> {
    return (await this.client.workflow.count(officeWorkQuery(this.taskQueue, officeId))).count;
  }

  private view(office: Office, licence: LicenceState, load?: number) {
    return {
      id: office.id,
      title: office.title,
      districts: office.districts,
      scope: office.scope,
      capacity: office.capacity,
      licence: {
        number: licence.number,
        status: statusOn(licence, this.today()),
        validUntil: this.present.day(licence.validUntil),
        ...(licence.reason ? { reason: licence.reason } : {}),
      },
      ...(load !== undefined ? { openLoad: load } : {}),
    };
  }

  async list() {
    const licences = await this.licences();
    return Promise.all(
      this.org.officesWith(licences).map(async (office) => {
        const licence = licences.get(office.id) ?? this.org.licenceOf(office);
        return this.view(office, licence, await this.load(office.id));
      }),
    );
  }

  async get(officeId: string) {
    const licences = await this.licences();
    const office = this.org.officesWith(licences).find((o) => o.id === officeId);
    if (!office) throw new ProblemError('not-found', `There is no office '${officeId}'.`);
    const licence = licences.get(office.id) ?? this.org.licenceOf(office);
    return {
      ...this.view(office, licence, await this.load(office.id)),
      history: licence.history.map((change) => this.present.licenceChange(change)),
    };
  }

  /** Suspends, revokes, reinstates or renews a licence; the registry moves the office's work at once. */
  async changeLicence(
    officeId: string,
    change: { action: LicenceCommand['action']; reason: string; by: string; validUntil?: string },
  ) {
    let validUntil: string | undefined;
    if (change.validUntil !== undefined) {
      validUntil = jalaliToGregorian(change.validUntil);
      if (!validUntil)
        throw new ProblemError(
          'invalid-request',
          `${change.validUntil} is not a day of the Jalali calendar.`,
        );
    }
    try {
      const licence = await this.client.workflow
        .getHandle(registryIdOf(this.taskQueue))
        .executeUpdate(changeLicenceUpdate, {
          args: [
            {
              officeId,
              action: change.action,
              reason: change.reason,
              by: change.by,
              ...(validUntil ? { validUntil } : {}),
            },
          ],
        });
      return {
        officeId,
        status: licence.status,
        validUntil: this.present.day(licence.validUntil),
        history: licence.history.map((change) => this.present.licenceChange(change)),
      };
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
        const notFound = /no office/.test(error.cause.message);
        throw new ProblemError(notFound ? 'not-found' : 'licence-change-refused', error.cause.message);
      }
      throw error;
    }
  }

  /** Requests of a service in a district, as visibility holds them, running and closed. */
  private async requests(serviceId?: string, district?: string): Promise<WorkflowExecutionInfo[]> {
    const filters = [`TaskQueue = '${this.taskQueue}'`, `WorkflowType = 'serviceRequest'`];
    if (serviceId) filters.push(`${SA.service.name} = '${serviceId}'`);
    if (district) filters.push(`${SA.district.name} = '${district}'`);
    const found: WorkflowExecutionInfo[] = [];
    for await (const info of this.client.workflow.list({ query: filters.join(' AND ') })) found.push(info);
    return found;
  }

  /** How the rule spread a service's requests in a district over the offices eligible for them. */
  async routingReport(
    serviceId: string,
    district: string,
    domain: string,
  ): Promise<
    FairnessReport & {
      offices: (Spread & { openLoad: number; loadRatio: number })[];
      loadGini: number;
      eligible: string[];
      byHow: Record<string, number>;
    }
  > {
    const licences = await this.licences();
    const eligible = this.org
      .officesWith(licences)
      .filter(
        (office) =>
          this.org.ineligibility(
            office,
            { serviceId, domain, district },
            licences.get(office.id) ?? this.org.licenceOf(office),
            this.today(),
          ) === undefined,
      );
    const counts = new Map<string, number>();
    const byHow: Record<string, number> = {};
    for (const info of await this.requests(serviceId, district)) {
      const office = info.memo?.office as { office: string; how: string } | undefined;
      if (!office) continue;
      byHow[office.how] = (byHow[office.how] ?? 0) + 1;
      if (office.how === 'rule') counts.set(office.office, (counts.get(office.office) ?? 0) + 1);
    }
    const report = fairness(counts, new Map(eligible.map((o) => [o.id, o.capacity])));
    // What the rule evens out is open load for capacity, over all the work an office holds:
    // an office serving other districts too rightly gets a smaller share of this one's.
    const offices = await Promise.all(
      report.offices.map(async (spread) => {
        const openLoad = await this.load(spread.office);
        return { ...spread, openLoad, loadRatio: openLoad / spread.capacity };
      }),
    );
    return {
      ...report,
      offices,
      loadGini: gini(offices.map((o) => o.loadRatio)),
      eligible: eligible.map((o) => o.id),
      byHow,
    };
  }

  /** Each office's open load, completed tasks, mean completion time and breaches. */
  async performance(serviceId?: string, district?: string): Promise<OfficePerformance[]> {
    const totals = new Map<string, { done: number; ms: number; breached: number }>();
    for (const info of await this.requests(serviceId, district)) {
      for (const [principal, entry] of Object.entries((info.memo?.work as Work | undefined) ?? {})) {
        if (!principal.startsWith('office:')) continue;
        const office = principal.slice('office:'.length);
        const total = totals.get(office) ?? { done: 0, ms: 0, breached: 0 };
        total.done += entry.done;
        total.ms += entry.ms;
        total.breached += entry.breached;
        totals.set(office, total);
      }
    }
    const licences = await this.licences();
    return Promise.all(
      this.org.officesWith(licences).map(async (office) => {
        const total = totals.get(office.id) ?? { done: 0, ms: 0, breached: 0 };
        return {
          office: office.id,
          openLoad: await this.load(office.id),
          capacity: office.capacity,
          tasksDone: total.done,
          meanCompletionHours: total.done
            ? Math.round((total.ms / total.done / 3_600_000) * 100) / 100
            : null,
          breaches: total.breached,
        };
      }),
    );
  }
}
