/**
 * Every update the project's clients send carries a seal: the update's own id, in the command
 * itself, so it is encrypted with it by the payload codec. The workflows' validators refuse a
 * command whose seal is not the id of the update it came in (workflows/sealed.ts): a command
 * typed at Temporal's CLI or Web UI, without the codec's key, cannot carry one, and a captured
 * one sent again under its own id is only the update Temporal has answered already.
 */
import { randomUUID } from 'node:crypto';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import { SEAL_FIELD } from './seal';

function sealed(args: readonly unknown[], updateId: string): unknown[] {
  const [command, ...rest] = args;
  if (!command || typeof command !== 'object' || Array.isArray(command)) return [...args];
  return [{ ...command, [SEAL_FIELD]: updateId }, ...rest];
}

export const sealUpdates: WorkflowClientInterceptor = {
  startUpdate(input, next) {
    const updateId = input.options.updateId ?? randomUUID();
    return next({
      ...input,
      args: sealed(input.args, updateId),
      options: { ...input.options, updateId },
    });
  },
  startUpdateWithStart(input, next) {
    const updateId = input.updateOptions.updateId ?? randomUUID();
    return next({
      ...input,
      updateArgs: sealed(input.updateArgs, updateId),
      updateOptions: { ...input.updateOptions, updateId },
    });
  },
};
