/**
 * Requests: start one (at an office's desk, at a department, or online by the applicant), open it
 * as the applicant with its secret, read it, its history, and the applicant's and staff's actions.
 */
import { Router } from 'express';
import { isTrackingCode } from '../../lib/tracking-code';
import * as answer from '../answers';
import { actingFor, actorName, type Actor } from '../auth/actor';
import type { Role } from '../auth/claims';
import type { Organisation } from '../../lib/organisation/organisation';
import { citizenSecret, isCitizenSecret } from '../auth/citizen-secret';
import { mintToken } from '../auth/tokens';
import type { ApiContext } from '../context';
import { inWords, type Call } from '../operation';
import { ProblemError, type ProblemSlug } from '../problem';
import { ANONYMOUS, type StartRequest } from '../request-service';
import type { Caller, RequestSummary } from '../../workflows/types';
import { readsInFull, viewFor } from '../request-access';
import {
  citizenAccessBody,
  documentsBody,
  extendBody,
  pathText,
  paymentBody,
  startRequestBody,
  suspendBody,
  withdrawBody,
} from '../schemas';
import { requestPath } from '../still-working';
import { idempotencyKey } from '../validation';

const CITIZEN_TOKEN_SECONDS = 3600;

/** A tracking code from the path, refused at once when a digit is mistyped. */
export function code(value: unknown): string {
  const text = String(value);
  if (!isTrackingCode(text))
    throw new ProblemError('invalid-tracking-code', `'${text}' is not a tracking code: check the digits.`);
  return text;
}

const trackingCode = { trackingCode: pathText };

/** Who may start a request, and through which door; the caller's binding fills in the office. */
function startAs(actor: Actor | undefined, body: StartRequest, org: Organisation): StartRequest {
  if (!actor || actor.role === 'citizen') {
    if (body.intakeOffice || (body.channel && body.channel !== 'online'))
      throw new ProblemError(
        'unauthenticated',
        'A request taken at an office or a department needs its staff to sign in.',
      );
    if (body.received) throw new ProblemError('forbidden', 'Only staff register a request received earlier.');
    return { ...body, channel: 'online' };
  }
  if (actor.role === 'office') {
    if (body.intakeOffice && body.intakeOffice !== actor.office)
      throw new ProblemError(
        'forbidden',
        `You work for office ${actor.office}; you cannot take requests in for ${body.intakeOffice}.`,
      );
    return { ...body, intakeOffice: actor.office };
  }
  if (actor.role === 'department') {
    if (body.intakeOffice)
      throw new ProblemError('forbidden', 'Department staff take requests in at the department.');
    // A district's department takes in its district's requests; a city department, any district's.
    const perDistrict = org.department(actor.department ?? '')?.perDistrict ?? false;
    if (perDistrict && actor.district !== body.district)
      throw new ProblemError(
        'forbidden',
        `You work for the department of district ${actor.district ?? ''}; a request of ${body.district} is taken in at that district's.`,
      );
    return { ...body, channel: 'department' };
  }
  throw new ProblemError(
    'forbidden',
    `Only office and department staff take requests in; ${inWords([actor.role])} do not.`,
  );
}

export function requestRoutes(ctx: ApiContext): Router {
  const router = Router();
  const { registry, requests, present, org } = ctx;
  const tag = 'Requests';

  const status = async (call: Call) => {
    const found = await requests.status(code(call.params.trackingCode));
    return { found, view: viewFor(call.actor, found, org) };
  };

  registry.mount(
    router,
    {
      id: 'startRequest',
      method: 'post',
      path: '/api/requests',
      tag,
      summary: 'Start a request',
      description:
        "Office staff take a request in at their desk (the office is theirs), department staff at the department, and an applicant online without a token. The answer comes once the request's first tasks are open; it carries the secret the applicant opens the request with, and, to staff who may read the request, its first tasks. With an `Idempotency-Key`, a retried call answers the first call's request; without a token, a retried call is told the key started one (409) and is not given it again, since nothing tells its first caller from another.",
      access: 'public',
      body: startRequestBody,
      idempotent: true,
      responses: {
        201: { description: 'Started', schema: answer.started },
        200: {
          description: 'Started already by an earlier call with the same Idempotency-Key',
          schema: answer.started,
        },
        202: {
          description:
            "Started, but its first tasks did not open within the API's wait (`PISHKHAN_CALL_WAIT`): the same answer without them; read the request at `Location`.",
          schema: answer.started,
        },
      },
      problems: [
        'unknown-service',
        'unknown-district',
        'office-not-eligible',
        'intake-not-allowed',
        'invalid-form-data',
        'invalid-received-time',
        'idempotency-key-reused',
        'idempotency-key-used',
        'unauthenticated',
        'forbidden',
      ],
    },
    async (call) => {
      const body = startAs(call.actor, call.body as StartRequest, org);
      const caller = call.actor ? actorName(call.actor) : ANONYMOUS;
      const started = await requests.start(body, caller, idempotencyKey(call.req));
      call.target.trackingCode = started.trackingCode;
      call.target.serviceId = started.plan.serviceId;
      return {
        status: started.repeated ? 200 : started.working ? 202 : 201,
        location: requestPath(started.trackingCode),
        body: {
          trackingCode: started.trackingCode,
          secret: citizenSecret(ctx.auth.secret, started.trackingCode),
          service: { id: started.plan.serviceId, title: started.plan.title, version: started.plan.version },
          state: started.status?.state ?? 'active',
          // The first tasks, to whoever may see the request's full status (the staff who took it in).
          ...(started.status && readsInFull(call.actor, started.status, org)
            ? { currentTasks: started.status.openTasks.map((task) => present.task(task)) }
            : {}),
        },
      };
    },
  );

  registry.mount(
    router,
    {
      id: 'openRequestAsApplicant',
      method: 'post',
      path: '/api/requests/{trackingCode}/access',
      tag,
      summary: 'Open a request as its applicant',
      description:
        'Trades the tracking code and the secret given at intake for a token that reaches this request only, for an hour.',
      access: 'public',
      params: trackingCode,
      body: citizenAccessBody,
      responses: { 200: { description: 'A token for this request', schema: answer.citizenToken } },
      problems: ['wrong-secret', 'invalid-tracking-code'],
    },
    async (call) => {
      const tracking = code(call.params.trackingCode);
      const { secret } = call.body as { secret: string };
      if (!isCitizenSecret(ctx.auth.secret, tracking, secret))
        throw new ProblemError('wrong-secret', 'The tracking code and secret do not match.');
      const token = await mintToken(
        ctx.auth,
        { sub: `applicant:${tracking}`, role: 'citizen', trackingCode: tracking },
        CITIZEN_TOKEN_SECONDS,
      );
      return { body: { token, expiresIn: CITIZEN_TOKEN_SECONDS } };
    },
  );

  registry.mount(
    router,
    {
      id: 'getRequest',
      method: 'get',
      path: '/api/requests/{trackingCode}',
      tag,
      summary: 'Read a request',
      description:
        'Staff who worked on it and oversight roles get the full status; the applicant gets the public view.',
      access: ['citizen', 'office', 'department', 'manager', 'inspector', 'admin'],
      params: trackingCode,
      responses: {
        200: {
          description: 'The request, full or public',
          schema: { oneOf: [answer.requestStatus, answer.publicStatus] },
        },
      },
      problems: ['invalid-tracking-code', 'request-not-found'],
    },
    async (call) => {
      const { found, view } = await status(call);
      return { body: view === 'full' ? present.status(found) : present.publicStatus(found) };
    },
  );

  registry.mount(
    router,
    {
      id: 'getRequestHistory',
      method: 'get',
      path: '/api/requests/{trackingCode}/history',
      tag,
      summary: "A request's full history",
      description: 'Every step done, escalation, deadline change, suspension and move, in time order.',
      access: ['office', 'department', 'manager', 'inspector', 'admin'],
      params: trackingCode,
      responses: { 200: { description: 'The history', schema: answer.history } },
      problems: ['invalid-tracking-code', 'request-not-found'],
    },
    async (call) => {
      const { found } = await status(call);
      return { body: present.history(found) };
    },
  );

  /**
   * A change to a request: `act` sends it with who asks, the request's update decides from the
   * request as it stands whether they may (one round trip, no read first), and the answer is
   * shown as the caller may see it.
   */
  const requestAction = (
    spec: {
      id: string;
      path: string;
      summary: string;
      access: readonly Role[];
      body?: object;
      idempotent?: boolean;
      problems?: ProblemSlug[];
    },
    act: (tracking: string, by: string, caller: Caller, call: Call) => Promise<RequestSummary>,
  ) =>
    registry.mount(
      router,
      {
        id: spec.id,
        method: 'post',
        path: spec.path,
        tag,
        summary: spec.summary,
        access: spec.access,
        params: trackingCode,
        ...(spec.body ? { body: spec.body } : {}),
        ...(spec.idempotent ? { idempotent: true } : {}),
        waits: true,
        responses: {
          200: {
            description:
              'Where the request stands after the change (state, deadlines, what it waits on now): as the applicant reads it for the applicant, with its open tasks for staff. Its full status is at `href`.',
            schema: { oneOf: [answer.publicSummary, answer.requestSummary] },
          },
        },
        problems: [
          'invalid-tracking-code',
          'request-not-found',
          'request-not-active',
          ...(spec.problems ?? []),
        ],
      },
      async (call) => {
        const tracking = code(call.params.trackingCode);
        const actor = call.actor;
        if (!actor)
          throw new ProblemError(
            'unauthenticated',
            'Open your request with its tracking code and secret first.',
          );
        const after = await act(tracking, actorName(actor), callerOf(actor, tracking), call);
        return {
          body: call.actor?.role === 'citizen' ? present.publicSummary(after) : present.summary(after),
        };
      },
    );

  // The applicant's actions; the office that took the request in may act for them, and the
  // treasury's staff report payments.
  const applicant = ['citizen', 'office', 'department'] as const;
  const isTreasury = (actor: Actor | undefined) =>
    actor?.role === 'department' && actor.department === org.file.duties.treasury;
  /** Who asks, as the request's update weighs them. */
  const callerOf = (actor: Actor, tracking: string): Caller => ({
    ...(actor.role === 'citizen' && actor.trackingCode === tracking ? { applicant: true } : {}),
    ...(actor.role === 'manager' ? { manager: true } : {}),
    ...(isTreasury(actor) ? { treasury: true } : {}),
    acting: actingFor(actor, org),
  });

  requestAction(
    {
      id: 'withdrawRequest',
      path: '/api/requests/{trackingCode}/withdraw',
      summary: 'Withdraw a request',
      access: applicant,
      body: withdrawBody,
      idempotent: true,
    },
    (t, by, caller, call) =>
      requests.withdraw(
        t,
        { reason: (call.body as { reason: string }).reason, actor: by, caller },
        idempotencyKey(call.req),
      ),
  );
  requestAction(
    {
      id: 'answerForApplicant',
      path: '/api/requests/{trackingCode}/documents',
      summary: 'Answer what the request waits on the applicant for',
      access: applicant,
      body: documentsBody,
      idempotent: true,
      problems: ['nothing-asked', 'outcome-not-allowed', 'invalid-form-data'],
    },
    (t, by, caller, call) => {
      const key = idempotencyKey(call.req);
      const body = call.body as { outcome?: string; data?: Record<string, unknown> };
      return requests.answerAsApplicant(t, {
        ...body,
        caller,
        actor: by,
        ...(key ? { idempotencyKey: key } : {}),
      });
    },
  );
  requestAction(
    {
      id: 'payForRequest',
      path: '/api/requests/{trackingCode}/payments',
      summary: 'Report a payment of a bill (the applicant, or the treasury)',
      access: applicant,
      body: paymentBody,
      idempotent: true,
      problems: ['bill-not-due'],
    },
    (t, by, caller, call) =>
      requests.pay(
        t,
        { ...(call.body as { billId: string; receipt: string }), actor: by, caller },
        idempotencyKey(call.req),
      ),
  );

  // Staff: stop and restart the clock, extend a deadline; each change is kept on the request.
  const staff = ['office', 'department', 'manager'] as const;
  const deadlineProblems: ProblemSlug[] = ['invalid-deadline-change'];

  requestAction(
    {
      id: 'suspendClock',
      path: '/api/requests/{trackingCode}/clock/suspend',
      summary: 'Stop the clock: the request waits on the applicant',
      access: staff,
      body: suspendBody,
      idempotent: true,
      problems: deadlineProblems,
    },
    (t, by, caller, call) =>
      requests.suspendClock(
        t,
        { reason: (call.body as { reason: string }).reason, actor: by, caller },
        idempotencyKey(call.req),
      ),
  );
  requestAction(
    {
      id: 'resumeClock',
      path: '/api/requests/{trackingCode}/clock/resume',
      summary: 'Start the clock again',
      access: staff,
      idempotent: true,
      problems: deadlineProblems,
    },
    (t, by, caller, call) => requests.resumeClock(t, { actor: by, caller }, idempotencyKey(call.req)),
  );
  requestAction(
    {
      id: 'extendDeadline',
      path: '/api/requests/{trackingCode}/extensions',
      summary: "Extend the request's or a task's deadline",
      access: staff,
      body: extendBody,
      idempotent: true,
      problems: deadlineProblems,
    },
    (t, by, caller, call) =>
      requests.extendDeadline(
        t,
        { ...(call.body as { of: string; by: string; reason: string }), actor: by, caller },
        idempotencyKey(call.req),
      ),
  );

  return router;
}
