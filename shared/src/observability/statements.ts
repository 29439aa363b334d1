/**
 * Every SQL statement a subgraph sends, timed into its metrics and traced as a span with the statement's
 * parameterised text (drizzle sends values as parameters, which are never recorded). Done by wrapping the database
 * client drizzle is given, the PGlite instance or the postgres.js client, so no query needs to know about it.
 */
import { SpanKind, SpanStatusCode, type Span } from '@opentelemetry/api';
import { SUBGRAPH_NAMES, SUBGRAPHS } from '../registry.ts';
import { metricsOf } from './metrics.ts';
import { tracerOf } from './tracing.ts';

/** The service whose database schema this is (statements are counted and traced under its name). */
export function serviceOfSchema(pgSchema: string): string {
  return SUBGRAPH_NAMES.find((name) => SUBGRAPHS[name].pgSchema === pgSchema) ?? pgSchema;
}

/** Statements are long; a span keeps the beginning, enough to know which one it was. */
const MAX_STATEMENT_TEXT = 2000;

function startStatement(service: string, pgSchema: string, text: unknown): { end(error?: unknown): void } {
  const started = performance.now();
  const statement = typeof text === 'string' ? text : '(prepared statement)';
  const span: Span = tracerOf(service).startSpan(`SQL ${statement.split(/\s+/, 1)[0]?.toUpperCase() ?? ''}`.trim(), {
    kind: SpanKind.CLIENT,
    attributes: { 'db.system.name': 'postgresql', 'db.namespace': pgSchema, 'db.query.text': statement.slice(0, MAX_STATEMENT_TEXT) },
  });
  return {
    end(error?: unknown) {
      const outcome = error === undefined ? 'ok' : 'error';
      metricsOf(service).statementDuration.observe({ outcome }, (performance.now() - started) / 1000);
      // The error's message may quote a value (a unique violation quotes the key): only its SQLSTATE is kept.
      if (error !== undefined) span.setStatus({ code: SpanStatusCode.ERROR, message: String((error as { code?: unknown } | null)?.code ?? 'error') });
      span.end();
    },
  };
}

async function timed<T>(service: string, pgSchema: string, text: unknown, run: () => Promise<T>): Promise<T> {
  const statement = startStatement(service, pgSchema, text);
  try {
    const result = await run();
    statement.end();
    return result;
  } catch (error) {
    statement.end(error);
    throw error;
  }
}

/** Methods of `target` bound to it, so private fields (PGlite has them) work behind the proxy. */
function bound(target: object, property: string | symbol): unknown {
  const value: unknown = Reflect.get(target, property, target);
  return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
}

interface PgliteLike {
  query(...args: unknown[]): Promise<unknown>;
  transaction(fn: (tx: PgliteLike) => Promise<unknown>): Promise<unknown>;
}

/** A PGlite instance (or transaction) whose `query` calls, the ones drizzle makes, are timed and traced. */
export function observePglite<T extends object>(client: T, pgSchema: string): T {
  const service = serviceOfSchema(pgSchema);
  return new Proxy(client, {
    get(target, property) {
      const pg = target as unknown as PgliteLike;
      if (property === 'query') return (...args: unknown[]) => timed(service, pgSchema, args[0], () => pg.query(...args));
      if (property === 'transaction') return (fn: (tx: PgliteLike) => Promise<unknown>) => pg.transaction((tx) => fn(observePglite(tx, pgSchema)));
      return bound(target, property);
    },
  });
}

interface PendingQueryLike {
  then(onFulfilled: (value: unknown) => unknown, onRejected: (reason: unknown) => unknown): unknown;
}
type SqlLike = ((...args: unknown[]) => unknown) & {
  unsafe(text: string, ...rest: unknown[]): PendingQueryLike;
  begin(...args: unknown[]): Promise<unknown>;
  savepoint(...args: unknown[]): Promise<unknown>;
};

/**
 * A postgres.js client (or transaction) whose `unsafe` statements, the ones drizzle sends, are timed and traced.
 * postgres.js runs a statement when it is first awaited, a microtask after drizzle has chosen its result form
 * (`.values()`), so observing its completion here starts nothing early.
 */
export function observePostgres<T extends object>(client: T, pgSchema: string): T {
  const service = serviceOfSchema(pgSchema);
  const wrapTransaction = (args: unknown[]) => args.map((a) => (typeof a === 'function' ? (tx: object) => (a as (tx: object) => unknown)(observePostgres(tx, pgSchema)) : a));
  return new Proxy(client, {
    get(target, property) {
      const sql = target as unknown as SqlLike;
      if (property === 'unsafe') {
        return (text: string, ...rest: unknown[]) => {
          const pending = sql.unsafe(text, ...rest);
          const statement = startStatement(service, pgSchema, text);
          pending.then(
            () => statement.end(),
            (error: unknown) => statement.end(error ?? 'error'),
          );
          return pending;
        };
      }
      if (property === 'begin') return (...args: unknown[]) => sql.begin(...wrapTransaction(args));
      if (property === 'savepoint') return (...args: unknown[]) => sql.savepoint(...wrapTransaction(args));
      return bound(target, property);
    },
  });
}
