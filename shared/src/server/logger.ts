import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { findCprLikeNumbers } from '../domain/cpr-like.ts';
import { requestScope } from './request-scope.ts';

export type { Logger };

/**
 * Structured JSON logs. Personal data never belongs in a log line: callers log identifiers that carry no meaning
 * outside the system (request id, child pseudonym), and these paths are redacted as a second line of defence.
 */
export function createLogger(service: string, level = process.env['LOG_LEVEL'] ?? 'info', destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    base: { service },
    // Every line written while serving a request carries its ids, whoever writes it (Apollo's and the gateway's own
    // loggers, `unexpected error` lines, a repository's warning), so a person on call can follow one request.
    mixin: () => {
      const scope = requestScope.getStore();
      return scope ? { requestId: scope.requestId, ...(scope.callerRequestId ? { callerRequestId: scope.callerRequestId } : {}) } : {};
    },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        '*.cpr',
        '*.name',
        '*.displayName',
        '*.variables',
        '*.text',
      ],
      censor: '[redacted]',
    },
  };
  // A destination only in tests that read the lines; stdout otherwise.
  return destination ? pino(options, destination) : pino(options);
}

/** Summarises an error for the log without its message body, which may quote SQL parameters (a CPR number). */
export function describeErrorForLog(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const cause = error.cause as { code?: unknown; constraint?: unknown; constraint_name?: unknown; table?: unknown; table_name?: unknown } | undefined;
  const pgCode = typeof cause?.code === 'string' ? cause.code : undefined;
  const constraint = cause?.constraint ?? cause?.constraint_name;
  const table = cause?.table ?? cause?.table_name;
  return {
    type: error.name,
    // Only the SQLSTATE and the names of the rule and table: Postgres' messages can quote the offending value
    // ("invalid input syntax for type uuid: …"), which may be a CPR number.
    ...(pgCode
      ? { pgCode, ...(typeof constraint === 'string' ? { constraint } : {}), ...(typeof table === 'string' ? { table } : {}) }
      : { message: safeMessage(error) }),
    // Frames only: the stack's first lines repeat the message, which may carry query parameters.
    stack: error.stack
      ?.split('\n')
      .filter((line) => /^\s+at /.test(line))
      .slice(0, 6)
      .join('\n'),
  };
}

function safeMessage(error: Error): string {
  // Drizzle's "Failed query: ... params: ..." message carries parameter values.
  if (error.message.startsWith('Failed query')) return 'Failed query (parameters withheld)';
  // A bug's message may quote what it was working on; whatever reads as a CPR number stays out of the log.
  const message = error.message.slice(0, 300);
  return findCprLikeNumbers(message).reduceRight((text, { start, end }) => `${text.slice(0, start)}[CPR-like number withheld]${text.slice(end)}`, message);
}
