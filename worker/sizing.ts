/**
 * How much a worker keeps cached and runs at once, from the memory it may use: every open
 * request the worker has seen stays in its cache (its workflow's state, about
 * BYTES_PER_CACHED_REQUEST each) until the cache is full, and each task in flight holds more
 * on top. Settings given in the environment (lib/config.ts, `PISHKHAN_WORKER_*`) win.
 */
import { readFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import type { WorkerOptions } from '@temporalio/worker';
import type { WorkerLimits } from '../lib/config';

const MiB = 1024 * 1024;

/** What a cached request holds in the worker, measured by bench/worker-memory.ts. */
export const BYTES_PER_CACHED_REQUEST = 400 * 1024;
/** The worker at rest: the runtime, the workflow bundle, the connections, before any request. */
export const WORKER_AT_REST = 300 * MiB;
/** The workers' share of the machine unless PISHKHAN_WORKER_MEMORY says: `npm start` runs the rest beside them. */
export const MACHINE_SHARE = 0.5;
/** Of the workflows' heap, what the cache may fill: the workflows live in one heap, which needs room to collect. */
export const HEAP_SHARE = 0.75;
/** Held beyond the cache by a workflow task in flight (a request's history replayed) and by an activity. */
const PER_WORKFLOW_TASK = 4 * MiB;
const PER_ACTIVITY = 1 * MiB;
/** The SDK's defaults, which more memory does not raise: past them the cores are the limit. */
const MOST_WORKFLOW_TASKS = 40;
const MOST_ACTIVITIES = 100;
/** Below these a worker spends its time replaying requests or waiting on one activity. */
export const LEAST_CACHED_REQUESTS = 100;
const LEAST_TASKS = 2;

/** The machine as the worker finds it. */
export interface Machine {
  /** The machine's memory, or the container's limit when lower. */
  memoryBytes: number;
  /** The V8 heap limit the process started with (`--max-old-space-size`, else V8's default). */
  heapLimitBytes: number;
}

/** The Worker options this sets, and the memory they were sized from. */
export interface WorkerSizing {
  maxCachedWorkflows: number;
  maxConcurrentWorkflowTaskExecutions: number;
  maxConcurrentActivityTaskExecutions: number;
  maxConcurrentLocalActivityExecutions: number;
  memoryBytes: number;
  /** The heap limit of the thread the workflows run in: what memory leaves them, never below the process's. */
  workflowHeapBytes: number;
}

const within = (value: number, least: number, most: number) => Math.min(most, Math.max(least, value));

export function sizeWorker(machine: Machine, limits: WorkerLimits = {}): WorkerSizing {
  // Alone on its machine unless told otherwise: the workers' whole share.
  const memoryBytes = (limits.memoryMiB ?? workerShareMiB(1, machine)) * MiB;
  const spare = Math.max(0, memoryBytes - WORKER_AT_REST);
  // Tasks in flight take at most an eighth of what is spare, up to the SDK's defaults.
  const workflowTasks =
    limits.workflowTasks ??
    within(Math.floor(spare / 8 / PER_WORKFLOW_TASK), LEAST_TASKS, MOST_WORKFLOW_TASKS);
  const activities =
    limits.activities ?? within(Math.floor(spare / 16 / PER_ACTIVITY), LEAST_TASKS, MOST_ACTIVITIES);
  const localActivities =
    limits.localActivities ?? within(Math.floor(spare / 16 / PER_ACTIVITY), LEAST_TASKS, MOST_ACTIVITIES);
  const inFlight = workflowTasks * PER_WORKFLOW_TASK + (activities + localActivities) * PER_ACTIVITY;
  // The rest is the cache's. The workflows' heap is raised above it, with room to collect:
  // V8's default limit (about 4 GiB) would otherwise bound the cache, not the memory.
  const forCache = spare - inFlight;
  const workflowHeapBytes = Math.max(machine.heapLimitBytes, Math.ceil(forCache / HEAP_SHARE));
  const cachedRequests =
    limits.cachedRequests ?? Math.max(LEAST_CACHED_REQUESTS, Math.floor(forCache / BYTES_PER_CACHED_REQUEST));
  return {
    maxCachedWorkflows: cachedRequests,
    // The SDK runs no more workflow tasks at once than it can cache.
    maxConcurrentWorkflowTaskExecutions: Math.min(workflowTasks, cachedRequests),
    maxConcurrentActivityTaskExecutions: activities,
    maxConcurrentLocalActivityExecutions: localActivities,
    memoryBytes,
    workflowHeapBytes,
  };
}

/**
 * The Worker options a sizing sets. Call it just before `Worker.create`: it raises the heap
 * limit of the isolates started from now on, which the workflow thread the Worker starts is
 * (the process's own heap keeps its limit).
 */
export function sizedWorkerOptions(sizing: WorkerSizing): Partial<WorkerOptions> {
  if (sizing.workflowHeapBytes > getHeapStatistics().heap_size_limit) {
    setFlagsFromString(`--max-old-space-size=${Math.floor(sizing.workflowHeapBytes / MiB)}`);
  }
  return {
    maxCachedWorkflows: sizing.maxCachedWorkflows,
    maxConcurrentWorkflowTaskExecutions: sizing.maxConcurrentWorkflowTaskExecutions,
    maxConcurrentActivityTaskExecutions: sizing.maxConcurrentActivityTaskExecutions,
    maxConcurrentLocalActivityExecutions: sizing.maxConcurrentLocalActivityExecutions,
  };
}

/**
 * The memory each of `workers` workers on one machine may use: between them they have the
 * share one worker alone would, since each raises its workflows' heap to fill what it is given.
 */
export function workerShareMiB(workers: number, machine: Machine = thisMachine()): number {
  return Math.floor((machine.memoryBytes * MACHINE_SHARE) / Math.max(1, workers) / MiB);
}

/** A number from a file of the kernel's, when it holds one (cgroup v2 says `max` for no limit). */
function numberIn(file: string): number | undefined {
  try {
    const value = Number(readFileSync(file, 'ascii').trim());
    return Number.isFinite(value) && value > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

/** This machine: its memory or its container's limit (cgroup v2, else v1), and the heap limit. */
export function thisMachine(): Machine {
  const limit =
    numberIn('/sys/fs/cgroup/memory.max') ?? numberIn('/sys/fs/cgroup/memory/memory.limit_in_bytes');
  return {
    memoryBytes: Math.min(totalmem(), limit ?? Infinity),
    heapLimitBytes: getHeapStatistics().heap_size_limit,
  };
}
