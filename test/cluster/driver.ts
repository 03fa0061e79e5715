/**
 * Drives requests through a running deployment the way a careful client does: each call to an
 * API address in turn (the instances alternately, or the front), repeated when the answer is
 * lost or says "try again" (a dead instance, Temporal restarting), with an Idempotency-Key on
 * every change the API does once, so a repeated call never does anything twice.
 */
import { createHash } from 'node:crypto';
import type { Claims } from '../../api/auth/claims';
import { mintToken } from '../../api/auth/tokens';
import {
  ScriptedActors,
  type ApiAnswer,
  type Caller,
  type RequestView,
} from '../../cli/demo/scripted-actors';
import type { AuthConfig } from '../../lib/config';
import type { Organisation } from '../../lib/organisation/organisation';
import type { ServicePlan } from '../../lib/plan/types';

export const MANAGER: Claims = { sub: 'cluster-test-manager', role: 'manager', name: 'Cluster test manager' };

/** How long one call may keep being repeated: a Temporal restart takes some seconds. */
const CALL_DEADLINE_MS = 120_000;
/** Answers that mean the call did not happen or may be tried again. */
const TRY_AGAIN = new Set([502, 503]);
/** Changes the API does once per Idempotency-Key (their operations say `idempotent`). */
const IDEMPOTENT = [
  /^\/api\/requests$/,
  /^\/api\/tasks\/[^/]+\/complete$/,
  /^\/api\/requests\/\d+\/payments$/,
  /^\/api\/requests\/\d+\/documents$/,
];

export interface DriverStats {
  /** Changes answered 200 or 201, each counted once however often it was sent. */
  changes: number;
  /** Calls sent again after a lost answer or a "try again". */
  repeats: number;
  /** Calls answered, by the address that answered them. */
  answeredBy: Map<string, number>;
}

export class ClusterDriver {
  readonly stats: DriverStats = { changes: 0, repeats: 0, answeredBy: new Map() };
  private turn = 0;
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(
    /** The addresses to call in turn, read at each call (instances come and go). */
    private readonly addresses: () => string[],
    private readonly auth: AuthConfig,
    private readonly organisation: Organisation,
  ) {}

  private token(claims: Claims): Promise<string> {
    const key = JSON.stringify(claims);
    if (!this.tokens.has(key)) this.tokens.set(key, mintToken(this.auth, claims));
    return this.tokens.get(key) as Promise<string>;
  }

  private next(): string {
    const list = this.addresses();
    return list[this.turn++ % list.length] ?? '';
  }

  private async once(
    base: string,
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string>,
  ): Promise<ApiAnswer | undefined> {
    try {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await response.text();
      this.stats.answeredBy.set(base, (this.stats.answeredBy.get(base) ?? 0) + 1);
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    } catch {
      return undefined;
    }
  }

  /** One call, repeated until it has an answer that is not "try again". */
  readonly call: Caller = async (method, path, body, who, headers = {}) => {
    const sent: Record<string, string> = { ...headers };
    if (who) sent.authorization = `Bearer ${await this.token(who)}`;
    const idempotent = method === 'POST' && IDEMPOTENT.some((pattern) => pattern.test(path));
    if (idempotent && !sent['idempotency-key'])
      sent['idempotency-key'] = createHash('sha256')
        .update(`${path}\n${JSON.stringify(body)}`)
        .digest('hex')
        .slice(0, 40);
    const deadline = Date.now() + CALL_DEADLINE_MS;
    let lost = false;
    for (;;) {
      const answer = await this.once(this.next(), method, path, body, sent);
      if (answer && !TRY_AGAIN.has(answer.status)) {
        // A change with no key whose first answer was lost, now refused as done: it was done.
        if (method === 'POST' && !idempotent && lost && answer.status === 409) return this.reread(path);
        if (method === 'POST' && answer.status < 300) this.stats.changes++;
        return answer;
      }
      if (Date.now() > deadline)
        throw new Error(`${method} ${path}: no answer but "try again" for ${CALL_DEADLINE_MS / 1000} s`);
      lost ||= answer === undefined || answer.status === 502;
      this.stats.repeats++;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  };

  private async reread(path: string): Promise<ApiAnswer> {
    const code = /^\/api\/requests\/(\d+)\//.exec(path)?.[1] ?? '';
    this.stats.changes++;
    return this.call('GET', `/api/requests/${code}`, undefined, MANAGER);
  }

  actors(): ScriptedActors {
    return new ScriptedActors(this.call, this.organisation, MANAGER);
  }

  /** Starts a request of the service under a key of the caller's, so a repeated start is the same request. */
  async start(actors: ScriptedActors, plan: ServicePlan, key: string): Promise<string> {
    const answer = await actors.start(plan, { key });
    // 202: started, its first tasks not open within the API's wait; they show when it is read.
    if (answer.status !== 201 && answer.status !== 200 && answer.status !== 202)
      throw new Error(`${plan.serviceId}: start answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return (answer.body as { trackingCode: string }).trackingCode;
  }

  /** Drives a request to its end, however long its automatic steps or an outage take. */
  async finish(
    actors: ScriptedActors,
    plan: ServicePlan,
    code: string,
    timeoutMs = 180_000,
  ): Promise<RequestView> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { status, refused } = await actors.drive(plan, code);
      if (refused)
        throw new Error(
          `${plan.serviceId} ${code}: ${refused.step} ${refused.outcome} refused: ${JSON.stringify(refused.answer.body)}`,
        );
      // The last action answered where the request stands; its steps done are read in full.
      if (status.state !== 'active') return actors.status(code);
      if (Date.now() > deadline)
        throw new Error(`${plan.serviceId} ${code} still active after ${timeoutMs / 1000} s`);
    }
  }
}

/** The steps a request went through and how, in a form two runs of a service can be compared by. */
export function pathOf(status: RequestView): string[] {
  const done = (status as unknown as { stepsDone: { step: string; kind: string; outcome?: string }[] })
    .stepsDone;
  return done
    .filter((entry) => !['deadline', 'routing'].includes(entry.kind))
    .map((entry) => `${entry.step}:${entry.outcome ?? ''}`)
    .sort();
}
