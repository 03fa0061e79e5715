/**
 * Validation of request bodies and query strings against JSON Schemas, with one Ajv instance.
 * Unknown fields are rejected, so a typo never passes silently.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Request, RequestHandler } from 'express';
import { ProblemError } from './problem';

const ajv = new Ajv2020({ allErrors: true, strict: true, coerceTypes: false });
addFormats(ajv);

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

function check(schema: object, where: 'body' | 'query'): RequestHandler {
  const validate = ajv.compile(schema);
  return (req, _res, next) => {
    if (where === 'body' && !req.is('application/json')) {
      return next(new ProblemError('unsupported-media-type', 'Send the body as application/json.'));
    }
    const value: unknown = where === 'body' ? req.body : { ...req.query };
    if (!validate(value)) {
      const errors = fieldErrors(validate);
      return next(
        new ProblemError('invalid-request', errors.map((e) => `${e.path}: ${e.message}`).join('; '), {
          errors,
        }),
      );
    }
    next();
  };
}

export const validateBody = (schema: object) => check(schema, 'body');

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
export const validateQuery = (schema: object) => check(schema, 'query');
