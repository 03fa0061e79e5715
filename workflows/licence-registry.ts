/**
 * The licence registry: one long-lived workflow that holds every office's licence as it stands.
 * A suspension or revocation acts at once: the office gets no new work, and the work it holds
 * is given to eligible offices, each move recorded on its request. A licence expires by itself
 * at the end of its last day. Every change is kept with who, when and why.
 */
import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { RerouteJob } from '../activities/reroute';
import { cityDate } from '../lib/calendar/working-time';
import {
  ALLOWED,
  changeUnderKey,
  statusAfter,
  statusOn,
  validUntilProblem,
  type LicenceState,
} from '../lib/organisation/licences';
import {
  changeLicenceUpdate,
  LICENCE_REJECTION,
  licencesQuery,
  registerLicencesSignal,
  type LicenceCommand,
} from './licence-messages';
import { assertSealed } from './sealed';

const { rerouteOfficeWork } = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes' },
});

const store = proxyLocalActivities<Activities>({
  scheduleToCloseTimeout: '15 seconds',
  retry: { initialInterval: '200 milliseconds', maximumInterval: '3 seconds' },
});

/** The patch under which the registry writes its change log to the work store. */
const LICENCE_LOG_PATCH = 'licence-log-store';
/** The patch under which the registry's expiry alarm is never cancelled (see `expiryAlarm`). */
const KEPT_ALARM_PATCH = 'registry-alarm-kept';

export interface RegistryInput {
  licences: LicenceState[];
  /** The city's offset from UTC, to expire a licence at the end of its last local day. */
  offsetMinutes: number;
}

const DAY_MS = 86_400_000;

export async function licenceRegistry(input: RegistryInput): Promise<void> {
  const licences = new Map(input.licences.map((licence) => [licence.officeId, licence]));
  /** Offices whose work must be given out again, with the reason. */
  const toReroute: RerouteJob[] = [];
  let changes = 0;

  const today = () => cityDate(input, Date.now());
  const apply = (
    licence: LicenceState,
    command: Omit<LicenceCommand, 'action'> & { action: LicenceCommand['action'] | 'expire' },
  ) => {
    const status = statusAfter(command.action, statusOn(licence, today()));
    licence.status = status;
    if (command.validUntil) licence.validUntil = command.validUntil;
    if (status === 'active') delete licence.reason;
    else licence.reason = command.reason;
    licence.history.push({
      at: new Date(Date.now()).toISOString(),
      action: command.action,
      status,
      reason: command.reason,
      by: command.by,
      ...(command.validUntil ? { validUntil: command.validUntil } : {}),
      ...(command.key ? { key: command.key } : {}),
    });
    changes++;
    if (status !== 'active')
      toReroute.push({
        officeId: licence.officeId,
        reason: `licence of ${licence.officeId} ${status}: ${command.reason}`,
        // A later change of the licence stops the moves this stop begins.
        changes: licence.history.length,
      });
  };

  /** How many entries of each office's history are in the store's log. */
  const logged = new Map<string, number>();
  let logging = false;
  /** Writes the log entries not yet written; waits and tries again while the store is down. */
  const writeLog = async () => {
    if (logging || !patched(LICENCE_LOG_PATCH)) return;
    logging = true;
    try {
      for (let failures = 0; ;) {
        const entries = [...licences.values()].flatMap((licence) =>
          licence.history.slice(logged.get(licence.officeId) ?? 0).map((change, i) => ({
            officeId: licence.officeId,
            seq: (logged.get(licence.officeId) ?? 0) + i,
            at: change.at,
            action: change.action,
            status: change.status,
            reason: change.reason,
            by: change.by,
            ...(change.validUntil ? { validUntil: change.validUntil } : {}),
          })),
        );
        if (entries.length === 0) return;
        try {
          await store.recordLicenceChanges(entries);
          for (const entry of entries) logged.set(entry.officeId, entry.seq + 1);
          failures = 0;
        } catch {
          await sleep(Math.min(600_000, 5_000 * 2 ** failures++));
        }
      }
    } finally {
      logging = false;
    }
  };

  setHandler(licencesQuery, () => [...licences.values()]);
  setHandler(
    changeLicenceUpdate,
    (command) => {
      const licence = licences.get(command.officeId) as LicenceState;
      if (!changeUnderKey(licence, command.key)) apply(licence, command);
      return licence;
    },
    {
      validator: (command: LicenceCommand) => {
        assertSealed(command);
        const refuse = (message: string) => {
          throw ApplicationFailure.create({ type: LICENCE_REJECTION, message, nonRetryable: true });
        };
        const licence = licences.get(command.officeId);
        if (!licence) return refuse(`no office '${command.officeId}' holds a licence`);
        // The same step asking again (its activity ran again): answered with what it did.
        if (changeUnderKey(licence, command.key)) return;
        const status = statusOn(licence, today());
        if (!ALLOWED[status].includes(command.action)) {
          return refuse(
            `a ${status} licence cannot be ${command.action === 'reinstate' ? 'reinstated' : `${command.action}d`}`,
          );
        }
        if (command.reason.trim().length < 3) return refuse('say why');
        const wrong = validUntilProblem(command, licence, today());
        if (wrong) refuse(wrong);
      },
    },
  );
  setHandler(registerLicencesSignal, (entries) => {
    for (const entry of entries) {
      if (!licences.has(entry.officeId)) {
        licences.set(entry.officeId, entry);
        changes++;
      }
    }
  });

  /** Licences past their last day expire, with the reason kept. */
  const expireDue = () => {
    for (const licence of licences.values()) {
      if (licence.status === 'active' && statusOn(licence, today()) === 'expired') {
        apply(licence, {
          officeId: licence.officeId,
          action: 'expire',
          reason: `licence valid until ${licence.validUntil}`,
          by: 'system',
        });
      }
    }
  };
  const moveStoppedWork = async () => {
    while (toReroute.length > 0) {
      const job = toReroute.shift() as RerouteJob;
      await rerouteOfficeWork(job);
    }
  };

  // A licence that ran out while nothing was running expires at once, not at the first change.
  if (patched('expire-due-licences-at-start')) {
    expireDue();
    await writeLog();
    await moveStoppedWork();
  }

  /** The next licence to expire: at the end of its last day, local time. */
  const nextExpiry = () => {
    const active = [...licences.values()].filter((l) => statusOn(l, today()) === 'active');
    const ends = active.map(
      (l) => Date.parse(`${l.validUntil}T00:00:00Z`) + DAY_MS - input.offsetMinutes * 60_000,
    );
    return ends.length ? Math.min(...ends) : undefined;
  };
  const alarm = patched(KEPT_ALARM_PATCH) ? expiryAlarm() : undefined;

  for (;;) {
    const next = nextExpiry();
    const seen = changes;
    const woke = () => changes !== seen || toReroute.length > 0;
    if (alarm) {
      alarm.setFor(next);
      await condition(() => woke() || alarm.rang());
      alarm.heard();
    } else {
      // Registries started before the kept alarm replay their cancelled timers.
      const wakeIn = next === undefined ? undefined : Math.max(1, next - Date.now());
      if (wakeIn === undefined) await condition(woke);
      else await condition(woke, wakeIn);
    }

    expireDue();
    await writeLog();
    await moveStoppedWork();
    if (workflowInfo().historyLength > 2000) {
      await condition(allHandlersFinished);
      return continueAsNew<typeof licenceRegistry>({ ...input, licences: [...licences.values()] });
    }
  }
}

/**
 * Wakes the registry when a licence may have expired. A timer once set is left to fire, never
 * cancelled: signals wake the registry far more often than expiries do. A wait that cancelled its
 * timer on every signal was seen, after a kill of the worker and the Temporal server, to have that
 * cancellation refused by the server on every attempt ("BadCancelTimerAttributes"): the registry
 * then took no change and answered no query. A timer that fires with nothing due only wakes the
 * registry to set the next one.
 */
function expiryAlarm() {
  /** Instants a timer is set for and has not fired. */
  const pending = new Set<number>();
  let rang = false;
  return {
    /** Sets a timer for `at`, unless one fires at or before it: that one wakes the registry first. */
    setFor(at: number | undefined): void {
      if (at === undefined || [...pending].some((set) => set <= at)) return;
      pending.add(at);
      // A timer ends only by firing or by the registry's end, which nothing then waits for.
      void sleep(Math.max(1, at - Date.now())).then(
        () => {
          pending.delete(at);
          rang = true;
        },
        () => undefined,
      );
    },
    /** Whether a timer fired since the registry last woke. */
    rang: () => rang,
    /** The registry woke and will look at every licence. */
    heard: () => {
      rang = false;
    },
  };
}
