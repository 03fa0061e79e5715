/**
 * Process lifecycle shared by the entry points: clean shutdown on signals, readable startup errors.
 */
import type { Logger } from './logger';
import { DefinitionError } from './definitions/problem';

/** Runs the stop functions in order on SIGINT or SIGTERM, then exits. */
export function onShutdown(logger: Logger, stops: (() => Promise<void>)[]): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    for (const step of stops) {
      try {
        await step();
      } catch (error) {
        logger.error({ err: error }, 'error while shutting down');
      }
    }
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

/** Prints why the process could not start (every definition problem, if that was it) and exits 1. */
export function exitOnStartupError(error: unknown): never {
  console.error(
    error instanceof DefinitionError ? error.message : `Cannot start: ${(error as Error).message}`,
  );
  process.exit(1);
}
