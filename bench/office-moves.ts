/**
 * An office's whole workload moved at once: OPEN requests (2,000 by default) wait at their first
 * task held by one office, its licence is suspended through the licence registry, and the bench
 * times until the work store shows the office holding nothing, each move made by the request's
 * own workflow with its reason and routing decision. On a real dev server with one worker, sized
 * as the product sizes it. The office's requests are far from their deadlines, as most of an
 * office's work is: the bench weighs the moves, not breaches falling while they run.
 */
import os from 'node:os';
import { newTrackingCode } from '../lib/tracking-code';
import type { Organisation } from '../lib/organisation/organisation';
import type { ServicePlan } from '../lib/plan/types';
import { sizeWorker, thisMachine } from '../worker/sizing';
import { changeLicenceUpdate, registryIdOf } from '../workflows/licence-messages';
import { cpuMsOf } from './process-cpu';
import { compileBenchPlan } from './support/compile-plan';
import { officeRequest, startBenchStack } from './support/stack';
import { startRequest } from './support/start-request';

const OPEN = Number(process.env.OPEN ?? 2_000);
const TASK_QUEUE = 'bench-office-moves';
const GOAL_SECONDS = 30;

/** A service whose first task waits at the intake office, its deadline days away. */
function officeWorkPlan(org: Organisation): ServicePlan {
  const text = `id: office-work
title: { fa: 'کار دفتر', en: "An office's work" }
domain: urban-planning
intake: [office]
clock: continuous
sla: P30D
steps:
  - id: intake
    kind: task
    title: { fa: 'پذیرش', en: 'Intake' }
    assignee: { office: intake }
    sla: P5D
  - { id: done, kind: end, result: completed }
`;
  return compileBenchPlan('office-work.yaml', text, org);
}

async function main() {
  const stack = await startBenchStack(TASK_QUEUE, { sizing: sizeWorker(thisMachine()) });
  const { store, org, client } = stack;
  const plan = officeWorkPlan(org);
  const heldByOffice = async () => {
    const [row] = await store.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM tasks WHERE status = 'open' AND holder = 'office:o-1'`,
    );
    return row?.n ?? 0;
  };
  try {
    // The office's workload: requests started with their first task open at office o-1.
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < OPEN) {
          next++;
          await startRequest(client, TASK_QUEUE, officeRequest(newTrackingCode(), plan, org));
        }
      }),
    );
    while ((await heldByOffice()) < OPEN) await new Promise((resolve) => setTimeout(resolve, 250));

    // CPU used by this process and the dev server it started, whatever else shares the cores.
    const cpuBefore = cpuMsOf([process.pid]);
    const ownBefore = process.cpuUsage();
    const began = performance.now();
    await client.workflow.getHandle(registryIdOf(TASK_QUEUE)).executeUpdate(changeLicenceUpdate, {
      args: [{ officeId: 'o-1', action: 'suspend', reason: 'bench: the whole workload moves', by: 'bench' }],
    });
    while ((await heldByOffice()) > 0) await new Promise((resolve) => setTimeout(resolve, 250));
    const seconds = (performance.now() - began) / 1000;
    const cpuMs = cpuMsOf([process.pid]) - cpuBefore;
    const own = process.cpuUsage(ownBefore);
    const ownMs = (own.user + own.system) / 1000;
    // The last answers may still be on their way when the store shows the move: the stack stops
    // once the registry's activity has ended.
    const registry = client.workflow.getHandle(registryIdOf(TASK_QUEUE));
    while (((await registry.describe()).raw.pendingActivities ?? []).length > 0)
      await new Promise((resolve) => setTimeout(resolve, 250));
    console.log(`\nAn office's open work moved when its licence is suspended (${OPEN} open tasks)`);
    console.log(`  all moved in              ${seconds.toFixed(1)} s (goal < ${GOAL_SECONDS} s)`);
    console.log(`  moves a second            ${(OPEN / seconds).toFixed(1)} /s`);
    console.log(
      `  CPU a move                ${(cpuMs / OPEN).toFixed(1)} ms (worker, work store and dev server; ${(cpuMs / 1000).toFixed(1)} s in all, ${os.availableParallelism()} cores)`,
    );
    console.log(
      `    of which the worker's process ${(ownMs / OPEN).toFixed(1)} ms (worker and embedded store), the dev server ${((cpuMs - ownMs) / OPEN).toFixed(1)} ms`,
    );
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
