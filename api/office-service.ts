/**
 * Offices and their licences for managers and inspectors: the licence as it stands and every
 * change to it, the work each office holds, and changes to a licence, which act at once.
 * Reports: how the rule spread a service's work in a district over the eligible offices, and
 * how each office performs.
 */
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { gregorianToJalali, jalaliToGregorian } from '../lib/calendar/jalali';
import { cityDate } from '../lib/calendar/working-time';
import type { Office } from '../lib/generated/organisation';
import { fairness, gini, type FairnessReport, type Spread } from '../lib/organisation/fairness';
import { statusOn, validUntilProblem, type LicenceState } from '../lib/organisation/licences';
import type { Organisation } from '../lib/organisation/organisation';
import type { Queryable } from '../store/database';
import { officeLoads, officeShares, officeTotals } from '../store/office-work';
import {
  changeLicenceUpdate,
  licencesQuery,
  registryIdOf,
  type LicenceCommand,
} from '../workflows/licence-messages';
import type { Presenter } from './present';
import { ProblemError } from './problem';

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
    /** The work store: office loads, shares and records. */
    private readonly store: Queryable,
  ) {}

  private today(): string {
    return cityDate(this.org.calendar, Date.now());
  }

  async licences(): Promise<Map<string, LicenceState>> {
    const list = await this.client.workflow.getHandle(registryIdOf(this.taskQueue)).query(licencesQuery);
    return new Map(list.map((l) => [l.officeId, l]));
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
    const [licences, loads] = await Promise.all([this.licences(), officeLoads(this.store)]);
    return this.org.officesWith(licences).map((office) => {
      const licence = licences.get(office.id) ?? this.org.licenceOf(office);
      return this.view(office, licence, loads.get(office.id) ?? 0);
    });
  }

  async get(officeId: string) {
    const licences = await this.licences();
    const office = this.org.officesWith(licences).find((o) => o.id === officeId);
    if (!office) throw new ProblemError('not-found', `There is no office '${officeId}'.`);
    const licence = licences.get(office.id) ?? this.org.licenceOf(office);
    const loads = await officeLoads(this.store);
    return {
      ...this.view(office, licence, loads.get(office.id) ?? 0),
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
    const licence = (await this.licences()).get(officeId);
    if (!licence) throw new ProblemError('not-found', `There is no office '${officeId}'.`);
    const wrong = validUntilProblem(
      { action: change.action, validUntil },
      licence,
      this.today(),
      gregorianToJalali,
    );
    // The registry's own sentence: the API says it as the workflow would refuse it.
    if (wrong) throw new ProblemError('invalid-licence-change', wrong);
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
      requests: number;
    }
  > {
    const [licences, shares, loads] = await Promise.all([
      this.licences(),
      officeShares(this.store, serviceId, district),
      officeLoads(this.store),
    ]);
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
    for (const share of shares) {
      byHow[share.how] = (byHow[share.how] ?? 0) + share.requests;
      if (share.how === 'rule') counts.set(share.office, (counts.get(share.office) ?? 0) + share.requests);
    }
    const report = fairness(counts, new Map(eligible.map((o) => [o.id, o.capacity])));
    // What the rule evens out is open load for capacity, over all the work an office holds:
    // an office serving other districts too rightly gets a smaller share of this one's.
    const offices = report.offices.map((spread) => {
      const openLoad = loads.get(spread.office) ?? 0;
      return { ...spread, openLoad, loadRatio: openLoad / spread.capacity };
    });
    return {
      ...report,
      offices,
      loadGini: gini(offices.map((o) => o.loadRatio)),
      eligible: eligible.map((o) => o.id),
      byHow,
      requests: [...counts.values()].reduce((a, b) => a + b, 0),
    };
  }

  /** Each office's open load, completed tasks, mean completion time and the breaches it let happen. */
  async performance(serviceId?: string, district?: string): Promise<OfficePerformance[]> {
    const [licences, totals, loads] = await Promise.all([
      this.licences(),
      officeTotals(this.store, {
        ...(serviceId ? { service: serviceId } : {}),
        ...(district ? { district } : {}),
      }),
      officeLoads(this.store),
    ]);
    const byOffice = new Map(totals.map((total) => [total.office, total]));
    return this.org.officesWith(licences).map((office) => {
      const total = byOffice.get(office.id);
      return {
        office: office.id,
        openLoad: loads.get(office.id) ?? 0,
        capacity: office.capacity,
        tasksDone: total?.tasksDone ?? 0,
        meanCompletionHours: total?.meanCompletionHours ?? null,
        breaches: total?.breaches ?? 0,
      };
    });
  }
}
