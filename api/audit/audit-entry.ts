/**
 * The audit entry of a call: who (the token's subject, or anonymous when there was no valid
 * token), which action, on what, from where, with what result. Declared operations write theirs
 * (operation.ts); a POST refused before any operation ran gets one from the app (app.ts).
 */
import type { Request, Response } from 'express';
import { actorName, type Actor } from '../auth/actor';
import type { AuditEntry, AuditLog } from './audit-log';

export interface AuditedCall {
  actor: Actor | undefined;
  action: string;
  target?: AuditEntry['target'];
  status: number;
  problem?: string;
}

export function auditEntry(req: Request, res: Response, call: AuditedCall): AuditEntry {
  const { actor } = call;
  return {
    at: new Date().toISOString(),
    actor: actor
      ? { subject: actorName(actor), role: actor.role, ...(actor.name ? { name: actor.name } : {}) }
      : { subject: 'anonymous', role: 'anonymous' },
    action: call.action,
    method: req.method,
    path: req.originalUrl,
    target: call.target ?? {},
    address: req.ip ?? '',
    requestId: String(res.locals.requestId ?? ''),
    result: { status: call.status, ...(call.problem ? { problem: call.problem } : {}) },
  };
}

/** Appends a call's entry, once per call: the answer waits for it, and it is marked as written. */
export async function appendAudit(audit: AuditLog, req: Request, res: Response, call: AuditedCall) {
  res.locals.audited = true;
  await audit.append(auditEntry(req, res, call));
}
