import { defineSectorTables } from '@pathway-graph/shared/sector/tables';
import { boolean, date, index, integer, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';

/** Every table of this subgraph lives in its own Postgres schema, on a shared embedded instance or its own server. */
export const generalPracticeSchema = pgSchema('general_practice');

/**
 * Practices by provider number. The municipality code is not a foreign key: municipalities are the municipality
 * subgraph's data, possibly in another database.
 */
export const practices = generalPracticeSchema.table(
  'practices',
  {
    ydernummer: text().primaryKey(),
    name: text().notNull(),
    locationNumber: text().notNull().unique(),
    municipalityCode: integer().notNull(),
    synthetic: boolean().notNull().default(false),
  },
  (t) => [index('practices_municipality_idx').on(t.municipalityCode, t.ydernummer)],
);

/**
 * Children known to general practice, with the practice they are listed with. The CPR number stays here: a
 * correspondence letter must carry it.
 */
export const children = generalPracticeSchema.table(
  'children',
  {
    id: text().primaryKey(),
    cpr: text().notNull().unique(),
    birthDate: date({ mode: 'string' }).notNull(),
    listedPractice: text().references(() => practices.ydernummer),
    synthetic: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  // Postgres does not index the referencing side of a foreign key; without this, a practice's list of children
  // and removing a practice (the foreign key check) would scan all children.
  (t) => [index('children_listed_practice_idx').on(t.listedPractice, t.id)],
);

export type PracticeRow = typeof practices.$inferSelect;
export type ChildRow = typeof children.$inferSelect;

/** Consents this sector holds to disclose its data, and its append-only access log (shared definitions). */
export const { consents, accessLog } = defineSectorTables(generalPracticeSchema);
