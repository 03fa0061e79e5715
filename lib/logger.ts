/**
 * Logs (pino), one logger per process, children per component. With NODE_ENV=production they are
 * JSON lines for a log collector; in development each record is one short line a person reads:
 * the time, the level, the message and its few fields (a call's headers and the answer's details
 * stay in the JSON). LOG_FORMAT=json or LOG_FORMAT=pretty chooses either way anywhere.
 */
import pino from 'pino';

export type Logger = pino.Logger;
export type LogFormat = 'json' | 'pretty';

/** Where lines go: standard output, or any stream (tests). */
export interface LogOutput {
  write(text: string): unknown;
  isTTY?: boolean;
}

export function logFormatOf(env: NodeJS.ProcessEnv = process.env): LogFormat {
  const chosen = env.LOG_FORMAT;
  if (chosen === 'json' || chosen === 'pretty') return chosen;
  if (chosen) throw new Error(`LOG_FORMAT must be json or pretty, got '${chosen}'`);
  return env.NODE_ENV === 'production' ? 'json' : 'pretty';
}

export function createLogger(
  level = process.env.LOG_LEVEL ?? 'info',
  format: LogFormat = logFormatOf(),
  out: LogOutput = process.stdout,
): Logger {
  const options = { level, base: { app: 'pishkhan' } };
  if (format === 'json') return out === process.stdout ? pino(options) : pino(options, out);
  return pino(options, readableLines(out, out.isTTY === true && !process.env.NO_COLOR));
}

/** Erases a progress line drawn on a terminal, so a log line never lands in the middle of one. */
const CLEAR_LINE = '\r\x1b[K';

/** Turns each JSON record pino writes into a readable line. */
function readableLines(out: LogOutput, colour: boolean): pino.DestinationStream {
  return {
    write(json: string) {
      let record: Record<string, unknown>;
      try {
        record = JSON.parse(json) as Record<string, unknown>;
      } catch {
        out.write(json);
        return;
      }
      out.write(`${out.isTTY ? CLEAR_LINE : ''}${readableLine(record, colour)}\n`);
    },
  };
}

const LEVELS: Record<number, { name: string; colour: string }> = {
  10: { name: 'TRACE', colour: '\x1b[90m' },
  20: { name: 'DEBUG', colour: '\x1b[90m' },
  30: { name: 'INFO', colour: '\x1b[36m' },
  40: { name: 'WARN', colour: '\x1b[33m' },
  50: { name: 'ERROR', colour: '\x1b[31m' },
  60: { name: 'FATAL', colour: '\x1b[41m' },
};
const RESET = '\x1b[0m';

/**
 * Fields left out of a readable line: those every record carries, and a call's request and
 * answer objects, whose summary the message already is.
 */
const UNSHOWN = new Set([
  'level',
  'time',
  'msg',
  'app',
  'pid',
  'hostname',
  'req',
  'res',
  'responseTime',
  'err',
]);
// Long enough for an id or a short list; longer values are cut, so a line fits a terminal.
const LONGEST_FIELD = 80;

function fieldText(value: unknown): string {
  const text =
    typeof value === 'string'
      ? value
      : Array.isArray(value) && value.length > 0 && value.every((item) => typeof item !== 'object')
        ? value.join(',')
        : JSON.stringify(value);
  return text.length > LONGEST_FIELD ? `${text.slice(0, LONGEST_FIELD - 1)}…` : text;
}

/** `13:05:09 WARN  message  key=value …`, and an error's stack indented below it. */
export function readableLine(record: Record<string, unknown>, colour = false): string {
  const time = new Date(typeof record.time === 'number' ? record.time : Date.now())
    .toTimeString()
    .slice(0, 8);
  const level = LEVELS[Number(record.level)] ?? { name: 'LOG', colour: '' };
  const err = record.err as { message?: string; stack?: string } | undefined;
  const said = typeof record.msg === 'string' ? record.msg : '';
  const message = err?.message ? (said ? `${said}: ${err.message}` : err.message) : said;
  const fields = Object.entries(record)
    .filter(([key, value]) => !UNSHOWN.has(key) && value !== undefined)
    .map(([key, value]) => `${key}=${fieldText(value)}`);
  const name = level.name.padEnd(5);
  const head = `${colour ? `\x1b[2m${time}${RESET}` : time} ${colour ? `${level.colour}${name}${RESET}` : name} ${message}`;
  const line = fields.length > 0 ? `${head}  ${fields.join(' ')}` : head;
  const stack = err?.stack?.split('\n').slice(1, 8);
  return stack && stack.length > 0 ? `${line}\n${stack.map((l) => `    ${l.trim()}`).join('\n')}` : line;
}
