/**
 * Structured JSON logs (pino), one logger per process, children per component.
 */
import pino from 'pino';

export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): pino.Logger {
  return pino({ level, base: { app: 'pishkhan' } });
}

export type Logger = pino.Logger;
