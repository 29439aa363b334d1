import { sql } from 'drizzle-orm';
import { date, index, text, timestamp, uuid, type ExtraConfigColumn, type PgSchema } from 'drizzle-orm/pg-core';
import { PURPOSES, ROLES, SECTORS } from '../auth/principal.ts';

export const CONSENTING_PARTIES = ['YOUNG_PERSON', 'CUSTODY_HOLDER'] as const;
export const ACCESS_ACTIONS = ['READ', 'CHANGE'] as const;

/** The columns of every sector's consents table (a sector may add its own, as screening does: `defineSectorTables`). */
export function consentColumns() {
  return {
    id: uuid().primaryKey(),
    childId: text().notNull(),
    givenBy: text({ enum: CONSENTING_PARTIES }).notNull(),
    givenOn: date({ mode: 'string' }).notNull(),
    recipientSector: text({ enum: SECTORS }).notNull(),
    /** Null: every organisation of the recipient sector. */
    recipientOrganisation: text(),
    purposes: text({ enum: PURPOSES }).array().notNull(),
    validFrom: date({ mode: 'string' }).notNull(),
    validUntil: date({ mode: 'string' }),
    withdrawnAt: timestamp({ withTimezone: true, mode: 'string' }),
    withdrawnBy: text(),
    recordedBy: text().notNull(),
    recordedByOrganisation: text().notNull(),
    recordedAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  };
}

/**
 * The tables every sector subgraph keeps in its own schema: the consents it holds to disclose its data, and the
 * append-only log of who read or changed a child's data. Defined once here so the four sectors cannot drift apart.
 * A subgraph kept by several sectors passes a consents table of its own built on `consentColumns()` (screening adds
 * the recording sector, so a consent's keeper can be named as the owner of its open actions).
 */
export function defineSectorTables<TConsents extends ReturnType<typeof baseConsents>>(
  schema: PgSchema,
  consents: TConsents = baseConsents(schema) as TConsents,
) {
  const accessLog = schema.table(
    'access_log',
    {
      /** UUIDv7: time-ordered, so the merged log of all sectors pages by id. */
      id: uuid().primaryKey(),
      at: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
      action: text({ enum: ACCESS_ACTIONS }).notNull(),
      actorSubject: text().notNull(),
      actorName: text().notNull(),
      actorSector: text({ enum: SECTORS }).notNull(),
      actorOrganisation: text().notNull(),
      actorRoles: text({ enum: ROLES }).array().notNull(),
      childId: text().notNull(),
      operation: text().notNull(),
      parts: text().array().notNull(),
      purpose: text({ enum: PURPOSES }).notNull(),
      /** The gateway's own id of the request (x-request-id), on every log line of it in every service. */
      requestId: text().notNull(),
      /** The id the caller chose for it, if any (its x-request-id at the gateway), kept beside ours. */
      callerRequestId: text(),
    },
    (t) => [index().on(t.childId, t.id)],
  );
  return { consents, accessLog };
}

/**
 * The custody holders' consents in force by the organisation that recorded them: the worklist's lapsing-consent
 * candidates (open-actions/sql.ts) read them by organisation, which would otherwise scan every consent of the region.
 */
export const custodyConsentsInForceIndex = (t: { recordedByOrganisation: ExtraConfigColumn; childId: ExtraConfigColumn }) =>
  index('consents_custody_in_force_idx').on(t.recordedByOrganisation, t.childId).where(sql`given_by = 'CUSTODY_HOLDER' and withdrawn_at is null`);

function baseConsents(schema: PgSchema) {
  return schema.table('consents', consentColumns(), (t) => [index().on(t.childId), custodyConsentsInForceIndex(t)]);
}

export type SectorTables = ReturnType<typeof defineSectorTables<ReturnType<typeof baseConsents>>>;
export type ConsentRow = SectorTables['consents']['$inferSelect'];
export type AccessLogRow = SectorTables['accessLog']['$inferSelect'];
