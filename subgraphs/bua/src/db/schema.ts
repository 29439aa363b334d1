import { defineSectorTables } from '@pathway-graph/shared/sector/tables';
import { boolean, date, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';
import { defineAdvisoryTables } from './advisory-schema.ts';

/** Every table of this subgraph lives in its own Postgres schema, on a shared embedded instance or its own server. */
export const buaSchema = pgSchema('bua');

/** Children registered as patients at BUA. The CPR number stays here: BUA's patient records need it. */
export const children = buaSchema.table('children', {
  id: text().primaryKey(),
  cpr: text().notNull().unique(),
  registeredOn: date({ mode: 'string' }).notNull(),
  synthetic: boolean().notNull().default(false),
  createdAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

export type ChildRow = typeof children.$inferSelect;

/** Consents this sector holds to disclose its data, and its append-only access log (shared definitions). */
export const { consents, accessLog } = defineSectorTables(buaSchema);

// ---- BUA's advisory service for the municipalities (agreement 6.3): db/advisory-schema.ts ----
export const {
  advisoryContactPersons,
  advisorySlotSeries,
  advisoryOccurrenceExceptions,
  advisorySlots,
  advisoryBookings,
  advisoryGpInvitations,
  advisoryAdvice,
  advisoryCalendarFeeds,
} = defineAdvisoryTables(buaSchema);
// Referrals (Trin 3), their coordination and the messages they travel in: in a file of their own.
export * from './referral-schema.ts';
