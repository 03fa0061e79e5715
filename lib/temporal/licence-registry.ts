/**
 * Starts the licence registry of a deployment if it is not running, with the licences of the
 * organisation file, and hands it any office of the file it does not hold yet. A signal, so
 * an API that starts before any worker does not wait for one.
 */
import type { Client } from '@temporalio/client';
import type { Organisation } from '../organisation/organisation';
import { registerLicencesSignal, registryIdOf } from '../../workflows/licence-messages';

export async function ensureLicenceRegistry(
  client: Client,
  taskQueue: string,
  org: Organisation,
): Promise<void> {
  const licences = org.allOffices().map((office) => org.licenceOf(office));
  await client.workflow.signalWithStart('licenceRegistry', {
    taskQueue,
    workflowId: registryIdOf(taskQueue),
    args: [{ licences, offsetMinutes: org.calendar.offsetMinutes }],
    signal: registerLicencesSignal,
    signalArgs: [licences],
  });
}
