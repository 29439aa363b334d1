import { defineSectorTables } from '@pathway-graph/shared/sector/tables';
import { boolean, date, pgSchema, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/** Every table of this subgraph lives in its own Postgres schema, on a shared embedded instance or its own server. */
export const screeningSchema = pgSchema('screening');

/** In the order of the terms of reference, which is also the order Postgres sorts the enum in. */
export const screeningTrack = screeningSchema.enum('screening_track', [
  'RECOGNISED_MENTAL_PROBLEMS',
  'CHRONIC_SOMATIC_ILLNESS',
  'RELATIVE_OF_MENTALLY_ILL',
]);

/**
 * Children in at least one screening track. No CPR number (data minimisation): the pseudonym identifies the child,
 * and the birth date is all screening needs, to pick an instrument's age norms.
 */
export const children = screeningSchema.table('children', {
  id: text().primaryKey(),
  birthDate: date({ mode: 'string' }).notNull(),
  synthetic: boolean().notNull().default(false),
  createdAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

/** Which risk groups a child belongs to, and since when; a child is in each track at most once. */
export const trackMemberships = screeningSchema.table(
  'track_memberships',
  {
    id: uuid().primaryKey().defaultRandom(),
    childId: text()
      .notNull()
      .references(() => children.id),
    track: screeningTrack().notNull(),
    since: date({ mode: 'string' }).notNull(),
    synthetic: boolean().notNull().default(false),
  },
  // The unique index leads with child_id, so it also serves the per-child look-ups; a separate index on child_id
  // would only cost writes.
  (t) => [unique('track_memberships_child_track_unique').on(t.childId, t.track)],
);

export type ChildRow = typeof children.$inferSelect;
export type TrackMembershipRow = typeof trackMemberships.$inferSelect;

/** Consents this sector holds to disclose its data, and its append-only access log (shared definitions). */
export const { consents, accessLog } = defineSectorTables(screeningSchema);
