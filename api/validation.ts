/**
 * What validation answers: field errors a caller can act on, and the `Idempotency-Key` header.
 * The schemas themselves are checked by each operation (operation.ts).
 */
import type { ValidateFunction } from 'ajv/dist/2020';
import type { Request } from 'express';
import { ProblemError } from './problem';

export interface FieldError {
  path: string;
  message: string;
}

export function fieldErrors(validate: ValidateFunction): FieldError[] {
  return (validate.errors ?? []).map((error) => {
    const base = error.instancePath ? error.instancePath.slice(1).replace(/\//g, '.') : '';
    if (error.keyword === 'additionalProperties') {
      const field = String(error.params.additionalProperty);
      return { path: base ? `${base}.${field}` : field, message: 'unknown field' };
    }
    if (error.keyword === 'required') {
      const field = String(error.params.missingProperty);
      return { path: base ? `${base}.${field}` : field, message: 'is required' };
    }
    return { path: base || '(body)', message: error.message ?? 'is invalid' };
  });
}

/**
 * Problems of form data (the sentences of lib/forms/form-data.ts) as field errors, like every
 * other: `path` is the field of the form's data the sentence names (empty for the whole form).
 */
export function formFieldErrors(messages: readonly string[]): FieldError[] {
  return messages.map((message) => ({
    path: /^step '/.test(message) ? '' : (/'([^']*)'/.exec(message)?.[1] ?? ''),
    message,
  }));
}

const KEY = /^[A-Za-z0-9_.:-]{8,100}$/;

/** The `Idempotency-Key` header: a retried call with the same key changes nothing twice. */
export function idempotencyKey(req: Request): string | undefined {
  const key = req.get('idempotency-key');
  if (key === undefined) return undefined;
  if (!KEY.test(key)) {
    throw new ProblemError('invalid-request', 'Idempotency-Key must be 8 to 100 letters, digits or . _ : -');
  }
  return key;
}
