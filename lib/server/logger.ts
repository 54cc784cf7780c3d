import 'server-only';
// The server's operational log: one JSON object per line on stdout (pino), for a log shipper to collect. Level from
// LOG_LEVEL (fatal, error, warn, info, debug, trace, silent; default info, and silent under test unless set).
// A line about a request carries its request id and, when it has one, its W3C trace and span ids (forRequest), so a
// log line, an audit event (same request id and trace id) and a trace can be found from one another.
// Never log secrets or tool arguments: the usual secret-bearing keys are redacted as a safety net, not as a licence.
import pino, { type DestinationStream, type Logger } from 'pino';
import { z } from 'zod';

export type { Logger };

const ZLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
  error: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace or silent.',
});
export type LogLevel = z.infer<typeof ZLevel>;

/** The level from LOG_LEVEL (an invalid value is reported on the first line and replaced by info). */
export function logLevelFrom(env: Record<string, string | undefined>): { level: LogLevel; problem?: string } {
  const raw = env.LOG_LEVEL?.trim().toLowerCase();
  if (!raw) return { level: env.NODE_ENV === 'test' || env.VITEST ? 'silent' : 'info' };
  const parsed = ZLevel.safeParse(raw);
  return parsed.success ? { level: parsed.data } : { level: 'info', problem: `${parsed.error.issues[0]?.message} Got "${env.LOG_LEVEL}"; using info.` };
}

/** Keys whose values never reach the log, wherever they appear (one or two levels deep). */
export const REDACTED_KEYS = ['authorization', 'cookie', 'password', 'secret', 'token', 'apiKey', 'arguments', 'args'];

/** A logger writing JSON lines to `destination` (stdout by default). Exported for tests; the app uses `logger`. */
export function createLogger(opts: { level?: LogLevel; destination?: DestinationStream } = {}): Logger {
  const { level, problem } = opts.level ? { level: opts.level, problem: undefined } : logLevelFrom(process.env);
  const paths = REDACTED_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);
  const options: pino.LoggerOptions = {
    level,
    base: { service: process.env.OTEL_SERVICE_NAME || 'mcp-tool-platform', pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths, censor: '[redacted]' },
  };
  const log = opts.destination ? pino(options, opts.destination) : pino(options);
  if (problem) log.warn(problem);
  return log;
}

const g = globalThis as unknown as { __platformLogger?: Logger };

/** The process's logger (one per process, also across Next.js dev reloads). */
export const logger: Logger = (g.__platformLogger ??= createLogger());

/** What identifies a request in its log lines. */
export interface RequestLogFields {
  requestId: string;
  traceId?: string;
  spanId?: string;
  tenant?: string;
}

/** A child logger whose lines carry the request's id and trace ids (absent ids are left out). */
export function forRequest(fields: RequestLogFields, parent: Logger = logger): Logger {
  const bindings: Record<string, string> = { requestId: fields.requestId };
  if (fields.traceId) bindings.traceId = fields.traceId;
  if (fields.spanId) bindings.spanId = fields.spanId;
  if (fields.tenant) bindings.tenant = fields.tenant;
  return parent.child(bindings);
}

/** A child logger for one part of the server ("mcp", "audit", "siem", "serve"). */
export function forComponent(component: string, parent: Logger = logger): Logger {
  return parent.child({ component });
}
