/**
 * An answer lost on its way back from Temporal, after the update was applied, is not taken for a
 * refusal: the API finds the update's outcome by its id. The API's client here loses the answer
 * of the first update it sends, as a dropped connection would, and the caller hears what was
 * done (even when it ended the request), never a false 409, and nothing is done twice.
 */
import type { Interceptor, StatusObject } from '@grpc/grpc-js';
import { InterceptingCall, status as grpcStatus } from '@grpc/grpc-js';
import { Connection } from '@temporalio/client';
import { RequestService } from '../../api/request-service';
import { sealedClient } from '../../lib/temporal/connect';
import { eventually, fixture, startHarness, testCodec, type Harness } from '../support/harness';

let system: Harness;
let connection: Connection;
let lossy: RequestService;
/** Whether the next update's answer is to be lost. */
let loseNext = false;

/**
 * Lets an update reach Temporal and be answered, then reports the call failed (UNAVAILABLE), as
 * a connection dropped on the way back would: the caller never sees the answer.
 */
const losingAnswers: Interceptor = (options, nextCall) =>
  new InterceptingCall(nextCall(options), {
    start(metadata, _listener, next) {
      const lose = loseNext && options.method_definition.path.endsWith('/UpdateWorkflowExecution');
      if (lose) loseNext = false;
      next(metadata, {
        onReceiveStatus(status: StatusObject, passOn: (s: StatusObject) => void) {
          passOn(lose ? { ...status, code: grpcStatus.UNAVAILABLE, details: 'answer lost' } : status);
        },
      });
    },
  });

beforeAll(async () => {
  system = await startHarness({ servicesDir: fixture('services'), organisationDir: fixture('organisation') });
  connection = await Connection.connect({
    address: process.env.PK_TEST_TEMPORAL_ADDRESS ?? '',
    interceptors: [losingAnswers],
  });
  lossy = new RequestService(
    sealedClient(connection, 'default', testCodec()),
    system.taskQueue,
    system.catalog,
    system.organisation,
    async () => new Map(),
  );
});

afterAll(async () => {
  await connection?.close();
  await system?.stop();
});

async function openTask(code: string, step: string) {
  return eventually(async () =>
    (await system.get(`/api/requests/${code}`)).body.currentTasks.find(
      (t: { step: string }) => t.step === step,
    ),
  );
}

test('when the answer of a completion that ended the request is lost, then the caller still hears the request as it ended, completed once', async () => {
  const started = await system.post('/api/requests', {
    serviceId: 'quick-permit',
    district: 'd01',
    intakeOffice: 'o-1',
    applicant: { name: 'Maryam Rahimi' },
    data: {},
  });
  const code = started.body.trackingCode as string;
  const intake = await openTask(code, 'intake');
  loseNext = true;
  const afterIntake = await lossy.completeTask(intake.taskId, {
    outcome: 'done',
    actor: 'office:staff-o-1',
    actingAs: 'office:o-1',
  });
  expect(loseNext).toBe(false);
  expect(afterIntake.openTasks.map((t) => t.stepId)).toEqual(['review']);

  const review = afterIntake.openTasks[0];
  loseNext = true;
  const ended = await lossy.completeTask(review?.taskId ?? '', {
    outcome: 'approve',
    actor: 'department:staff-d01.urban-planning-staff',
    actingAs: review?.assignee.principal ?? '',
  });
  expect(loseNext).toBe(false);
  expect(ended.state).toBe('completed');
  const journal = (await lossy.status(code)).journal;
  const done = journal.filter((entry) => entry.kind === 'task').map((entry) => entry.stepId);
  expect(done).toEqual(['intake', 'review']);
});
