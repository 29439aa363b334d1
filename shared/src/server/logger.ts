import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Personal data never belongs in a log line: callers log identifiers that carry no meaning
 * outside the system (request id, child pseudonym), and these paths are redacted as a second line of defence.
 */
export function createLogger(service: string, level = process.env['LOG_LEVEL'] ?? 'info'): Logger {
  return pino({
    level,
    base: { service },
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
  });
}

/** Summarises an error for the log without its message body, which may quote SQL parameters (a CPR number). */
export function describeErrorForLog(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const cause = error.cause as { code?: unknown; message?: unknown; constraint_name?: unknown } | undefined;
  const pgCode = typeof cause?.code === 'string' ? cause.code : undefined;
  return {
    type: error.name,
    // Postgres' own messages name the violated rule, never the values (those are in `detail`, not logged).
    ...(pgCode ? { pgCode, pgMessage: String(cause?.message ?? '') } : { message: safeMessage(error) }),
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
  return error.message.startsWith('Failed query') ? 'Failed query (parameters withheld)' : error.message.slice(0, 300);
}
