/**
 * The check every update's validator makes first: the command came through the project's own
 * clients, which seal it with the update's id inside the encrypted payload (see
 * lib/temporal/sealed-updates.ts). One sent with Temporal's CLI or Web UI by someone without
 * the payload key is refused before anything is written. Validators do not run on replay, so
 * the check changes no history.
 */
import { ApplicationFailure, currentUpdateInfo } from '@temporalio/workflow';
import { SEAL_FIELD } from '../lib/temporal/seal';

export const UNSEALED = 'UnsealedCommand';

export function assertSealed(command: unknown): void {
  const seal =
    command && typeof command === 'object' ? (command as Record<string, unknown>)[SEAL_FIELD] : undefined;
  const update = currentUpdateInfo();
  if (update === undefined || typeof seal !== 'string' || seal !== update.id)
    throw ApplicationFailure.create({
      type: UNSEALED,
      message: `update ${update?.name ?? ''} refused: it did not come through the API`,
      nonRetryable: true,
    });
}
