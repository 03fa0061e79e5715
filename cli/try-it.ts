/**
 * The examples `npm start` ends its banner with, named from the running system's own work: a token
 * for a clerk of an office that holds open work, that office's worklist, one of its tasks completed
 * with an outcome that leads on and the data its form needs, and a manager's list of breaches.
 * Each is a command line to paste as printed, in the repository's folder; test/e2e/try-it.test.ts
 * runs them against a running system.
 */
import type { Claims } from '../api/auth/claims';
import { actsFor } from '../api/auth/actor';
import { claimsOfPerson } from '../api/auth/people';
import type { Person } from '../lib/generated/organisation';
import type { Organisation } from '../lib/organisation/organisation';
import type { ServicePlan } from '../lib/plan/types';
import { completionOf, forwardOutcome, type Caller, type RequestView } from './demo/scripted-actors';

export interface Example {
  /** What it does, printed as a shell comment above it. */
  comment: string;
  command: string;
}

/** Who reads the worklists to choose the examples: a manager, who sees every holder's. */
const READER: Claims = { sub: 'pishkhan-start', role: 'manager' };

interface WorkItem {
  taskId: string;
  trackingCode: string;
  serviceId: string;
  district: string;
  title: { fa: string; en: string };
  service: { title: { fa: string; en: string } };
  assignee: { principal: string };
}

/** A word for the shell, quoted so it passes as it is. */
export const shellWord = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

const tokenCommand = (variable: string, person: Person) =>
  `${variable}=$(npm run -s pishkhan -- token ${person.id})`;

/** A person of the office whose only role there is the clerk's, or else anyone who acts for the holder. */
function clerkFor(org: Organisation, principal: string, district: string): Person | undefined {
  const acting = org.people().filter((p) => actsFor(claimsOfPerson(p), { principal, district }, org));
  return acting.find((p) => p.roles.length === 1 && p.roles[0] === 'clerk') ?? acting[0];
}

/**
 * An office task in the pool, well within its deadline (so it stays there while a person reads
 * the banner), with a person who may complete it and what they would send.
 */
async function officeTask(call: Caller, org: Organisation, plans: ServicePlan[]) {
  const list = await call(
    'GET',
    '/api/tasks?view=pool&sla=ok&sort=-deadline&pageSize=100',
    undefined,
    READER,
  );
  if (list.status !== 200) return undefined;
  for (const item of (list.body as { items: WorkItem[] }).items) {
    if (!item.assignee.principal.startsWith('office:')) continue;
    const person = clerkFor(org, item.assignee.principal, item.district);
    const plan = plans.find((p) => p.serviceId === item.serviceId);
    if (!person || !plan) continue;
    const status = await call('GET', `/api/requests/${item.trackingCode}`, undefined, READER);
    const task = (status.body as RequestView | undefined)?.currentTasks?.find(
      (t) => t.taskId === item.taskId,
    );
    if (status.status !== 200 || !task) continue;
    const outcome = forwardOutcome(
      plan,
      task.step,
      task.outcomes.map((o) => o.id),
    );
    return { item, person, body: completionOf(plan, task.step, outcome) };
  }
  return undefined;
}

export async function tryItExamples(options: {
  apiUrl: string;
  call: Caller;
  organisation: Organisation;
  plans: ServicePlan[];
}): Promise<Example[]> {
  const { apiUrl, call, organisation: org } = options;
  const found = await officeTask(call, org, options.plans);
  const clerk =
    found?.person ?? org.people().find((p) => p.office && p.roles.length === 1 && p.roles[0] === 'clerk');
  const manager = org.people().find((p) => p.access === 'manager');
  const examples: Example[] = [];
  if (clerk) {
    const office = clerk.office ? org.office(clerk.office) : undefined;
    const where = office ? `, clerk at ${office.title.en} (${office.id})` : '';
    examples.push(
      {
        comment: `A token for ${clerk.name.en} (${clerk.name.fa})${where}`,
        command: tokenCommand('CLERK', clerk),
      },
      {
        comment: 'Their worklist, soonest deadline first',
        command: `curl -s ${apiUrl}/api/tasks -H "authorization: Bearer $CLERK"`,
      },
    );
  }
  if (found) {
    const { item, body } = found;
    examples.push({
      comment: `Complete "${item.title.en}" of request ${item.trackingCode} (${item.service.title.en}): ${body.outcome}`,
      command: `curl -s -X POST ${apiUrl}/api/tasks/${encodeURIComponent(item.taskId)}/complete -H "authorization: Bearer $CLERK" -H 'content-type: application/json' -d ${shellWord(JSON.stringify(body))}`,
    });
  }
  if (manager) {
    examples.push(
      {
        comment: `A manager, ${manager.name.en}: what is past its deadline`,
        command: tokenCommand('MANAGER', manager),
      },
      {
        comment: '',
        command: `curl -s ${apiUrl}/api/sla/breaches -H "authorization: Bearer $MANAGER"`,
      },
    );
  }
  return examples;
}

/** The examples as the banner prints them: each comment line, then its command. */
export function exampleLines(examples: Example[]): string[] {
  return examples.flatMap((e) => [...(e.comment ? [`  # ${e.comment}`] : []), `  ${e.command}`]);
}
