/**
 * How every service's HTTP server and GraphQL endpoint protect themselves. Read from the environment by config.ts
 * (`GRAPHQL_MAX_*`, `GRAPHQL_INTROSPECTION`, `REQUEST_TIMEOUT_MS`, `HTTP_KEEP_ALIVE_TIMEOUT_MS`); kept here, free of
 * heavy imports, so the settings can be checked before anything else is loaded.
 */

/** The limits an operation must keep to before anything runs (shared/src/server/limits.ts applies them). */
export interface OperationLimits {
  /** Nesting of selections (fragments flattened, introspection aside). */
  depth: number;
  /** Aliased fields in one operation: each alias is the field's work once more. */
  aliases: number;
  /** Directives used in one operation. */
  directives: number;
  /** Lexical tokens of the document, counted while parsing, so a huge document is refused before it is parsed whole. */
  tokens: number;
  /**
   * Cost: every object 2 and every scalar 1, each level nested 1.5 times the one above, and a page (`first`/`last`,
   * from literals, variables or the argument's default) multiplying what is selected in it.
   */
  cost: number;
  /** Entities one `_entities` call (the gateway asking a subgraph to resolve references) may ask for. */
  representations: number;
}

/**
 * Defaults a front end never meets: the README's queries and every list page of 500 with its nested objects (as the
 * statement-count tests ask them) cost below a quarter of the cost limit and nest 7 levels at most; 19 municipalities
 * asked for by alias in one query fit the alias limit. A page of 500 children each with its municipality's 500
 * children (10,000 nodes and more) costs twenty times the limit, and 200 aliased look-ups are far over the alias limit.
 */
export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  depth: 15,
  aliases: 30,
  directives: 50,
  tokens: 5000,
  cost: 1_000_000,
  representations: 10_000,
};

/** How long one request may take before its work is stopped and it is answered REQUEST_TIMEOUT. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** Node's own default; an idle keep-alive connection to a service is closed after this long. */
export const DEFAULT_KEEP_ALIVE_TIMEOUT_MS = 65_000;

export interface HttpSettings {
  /** NODE_ENV=production: schema details (field suggestions) are hidden from error messages. */
  production: boolean;
  /** Whether `__schema`/`__type` queries are answered (`GRAPHQL_INTROSPECTION`; off by default in production). */
  introspection: boolean;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  limits: OperationLimits;
  /** How long a closing service keeps answering its in-flight requests (DEFAULT_SHUTDOWN_GRACE_MS when not given). */
  shutdownGraceMs?: number;
}

/** A closing service answers the requests in flight for this long at most, then closes their connections. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 5_000;

/** The settings of a service started without configuration (tests, `startSystem` without them): the defaults. */
export const DEFAULT_HTTP_SETTINGS: HttpSettings = {
  production: false,
  introspection: true,
  requestTimeoutMs: DEFAULT_REQUEST_TIMEOUT_MS,
  keepAliveTimeoutMs: DEFAULT_KEEP_ALIVE_TIMEOUT_MS,
  limits: DEFAULT_OPERATION_LIMITS,
};
