import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { loadConfig } from '../../lib/config';
import {
  BYTES_PER_CACHED_REQUEST,
  HEAP_SHARE,
  LEAST_CACHED_REQUESTS,
  sizedWorkerOptions,
  sizeWorker,
  thisMachine,
} from '../../worker/sizing';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

describe('the worker sized from its memory', () => {
  it('gives a 2 GiB machine half of it: the tasks in flight take their share, the cache the rest', () => {
    const sizing = sizeWorker({ memoryBytes: 2 * GiB, heapLimitBytes: 4 * GiB });
    expect(sizing).toEqual({
      memoryBytes: 1 * GiB,
      // 724 MiB spare beyond the worker at rest: an eighth for workflow tasks of 4 MiB, a
      // sixteenth each for activities and local activities of 1 MiB.
      maxConcurrentWorkflowTaskExecutions: 22,
      maxConcurrentActivityTaskExecutions: 45,
      maxConcurrentLocalActivityExecutions: 45,
      // (724 - 22 × 4 - 90) MiB for the cache.
      maxCachedWorkflows: Math.floor((546 * MiB) / BYTES_PER_CACHED_REQUEST),
      // V8's heap already leaves room above the cache.
      workflowHeapBytes: 4 * GiB,
    });
    expect(sizing.maxCachedWorkflows).toBe(1397);
  });

  it('lets memory, not V8’s default heap, bound the cache, and runs no more than the SDK does', () => {
    const sizing = sizeWorker({ memoryBytes: 64 * GiB, heapLimitBytes: 4 * GiB });
    // 32 GiB for the worker, less 300 MiB at rest and 360 MiB for tasks in flight.
    const forCache = 32 * GiB - 660 * MiB;
    expect(sizing.maxCachedWorkflows).toBe(Math.floor(forCache / BYTES_PER_CACHED_REQUEST));
    expect(sizing.maxCachedWorkflows).toBeGreaterThan(80_000);
    // The workflows' heap is raised past the cache, with room to collect.
    expect(sizing.workflowHeapBytes).toBe(Math.ceil(forCache / HEAP_SHARE));
    expect(sizing.maxConcurrentWorkflowTaskExecutions).toBe(40);
    expect(sizing.maxConcurrentActivityTaskExecutions).toBe(100);
    expect(sizing.maxConcurrentLocalActivityExecutions).toBe(100);
  });

  it('gives the thread the workflows run in the heap it sized, leaving the process’s own', async () => {
    const before = getHeapStatistics().heap_size_limit;
    const sizing = sizeWorker({ memoryBytes: 64 * GiB, heapLimitBytes: before }, { memoryMiB: 4096 });
    expect(sizing.workflowHeapBytes).toBeGreaterThan(before);
    expect(sizedWorkerOptions(sizing)).toEqual({
      maxCachedWorkflows: sizing.maxCachedWorkflows,
      maxConcurrentWorkflowTaskExecutions: sizing.maxConcurrentWorkflowTaskExecutions,
      maxConcurrentActivityTaskExecutions: sizing.maxConcurrentActivityTaskExecutions,
      maxConcurrentLocalActivityExecutions: sizing.maxConcurrentLocalActivityExecutions,
    });
    // The SDK runs the workflows in a worker thread it starts once the options are applied.
    const thread = new Worker(
      "require('node:worker_threads').parentPort.postMessage(require('node:v8').getHeapStatistics().heap_size_limit)",
      { eval: true },
    );
    const threadLimit = await new Promise<number>((resolve) => thread.once('message', resolve));
    await thread.terminate();
    expect(threadLimit).toBeGreaterThanOrEqual(sizing.workflowHeapBytes);
    expect(getHeapStatistics().heap_size_limit).toBe(before);
  });

  it('grows with the memory it is given', () => {
    const small = sizeWorker({ memoryBytes: 2 * GiB, heapLimitBytes: 16 * GiB });
    const large = sizeWorker({ memoryBytes: 8 * GiB, heapLimitBytes: 16 * GiB });
    expect(large.maxCachedWorkflows).toBeGreaterThan(3 * small.maxCachedWorkflows);
  });

  it('never goes below a cache and concurrency a worker can run on, however little memory', () => {
    const sizing = sizeWorker({ memoryBytes: 256 * MiB, heapLimitBytes: 256 * MiB });
    expect(sizing).toEqual({
      memoryBytes: 128 * MiB,
      maxCachedWorkflows: LEAST_CACHED_REQUESTS,
      maxConcurrentWorkflowTaskExecutions: 2,
      maxConcurrentActivityTaskExecutions: 2,
      maxConcurrentLocalActivityExecutions: 2,
      workflowHeapBytes: 256 * MiB,
    });
  });

  it('takes what the environment sets over what it would size', () => {
    const { worker } = loadConfig({
      PISHKHAN_WORKER_CACHE: '5000',
      PISHKHAN_WORKER_WORKFLOW_TASKS: '8',
      PISHKHAN_WORKER_ACTIVITIES: '30',
      PISHKHAN_WORKER_LOCAL_ACTIVITIES: '20',
    });
    expect(sizeWorker({ memoryBytes: 2 * GiB, heapLimitBytes: 4 * GiB }, worker)).toEqual({
      memoryBytes: 1 * GiB,
      maxCachedWorkflows: 5000,
      maxConcurrentWorkflowTaskExecutions: 8,
      maxConcurrentActivityTaskExecutions: 30,
      maxConcurrentLocalActivityExecutions: 20,
      workflowHeapBytes: 4 * GiB,
    });
  });

  it('sizes from the memory the environment gives the worker instead of the machine', () => {
    const { worker } = loadConfig({ PISHKHAN_WORKER_MEMORY: '8192' });
    const given = sizeWorker({ memoryBytes: 2 * GiB, heapLimitBytes: 16 * GiB }, worker);
    expect(given).toEqual(sizeWorker({ memoryBytes: 16 * GiB, heapLimitBytes: 16 * GiB }));
    expect(given.memoryBytes).toBe(8 * GiB);
  });

  it('runs no more workflow tasks at once than it caches', () => {
    const { worker } = loadConfig({ PISHKHAN_WORKER_CACHE: '10' });
    expect(sizeWorker({ memoryBytes: 16 * GiB, heapLimitBytes: 16 * GiB }, worker)).toMatchObject({
      maxCachedWorkflows: 10,
      maxConcurrentWorkflowTaskExecutions: 10,
    });
  });

  it('refuses settings no worker runs on, and leaves unset ones to be sized', () => {
    expect(() => loadConfig({ PISHKHAN_WORKER_CACHE: '1' })).toThrow(/PISHKHAN_WORKER_CACHE/);
    expect(() => loadConfig({ PISHKHAN_WORKER_MEMORY: '2G' })).toThrow(/PISHKHAN_WORKER_MEMORY/);
    expect(() => loadConfig({ PISHKHAN_WORKER_ACTIVITIES: '0' })).toThrow(/PISHKHAN_WORKER_ACTIVITIES/);
    expect(loadConfig({}).worker).toEqual({});
  });

  it('finds this machine’s memory, no more than the operating system reports', () => {
    const machine = thisMachine();
    expect(machine.memoryBytes).toBeGreaterThan(0);
    expect(machine.memoryBytes).toBeLessThanOrEqual(totalmem());
    expect(machine.heapLimitBytes).toBeGreaterThan(0);
  });
});
