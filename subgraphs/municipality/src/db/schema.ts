import { defineSectorTables } from '@pathway-graph/shared/sector/tables';
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every table of this subgraph lives in its own Postgres schema, on a shared embedded instance or its own server. */
export const municipalitySchema = pgSchema('municipality');

export const receivingDepartment = municipalitySchema.enum('receiving_department', ['CHILDREN_AND_YOUTH', 'HEALTH_AND_ELDERLY']);

/** Reference data: the 19 municipalities and their inboxes for letters from general practice. */
export const municipalities = municipalitySchema.table('municipalities', {
  code: integer().primaryKey(),
  name: text().notNull(),
  inboxName: text().notNull(),
  inboxLocationNumber: text().notNull().unique(),
  receivingDepartment: receivingDepartment().notNull().default('CHILDREN_AND_YOUTH'),
});

/** Children known to a municipality of the region. The CPR number stays here: municipal casework needs it. */
export const children = municipalitySchema.table(
  'children',
  {
    id: text().primaryKey(),
    cpr: text().notNull().unique(),
    birthDate: date({ mode: 'string' }).notNull(),
    residenceMunicipalityCode: integer()
      .notNull()
      .references(() => municipalities.code),
    synthetic: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('children_residence_idx').on(t.residenceMunicipalityCode, t.id)],
);

/** Municipal cases; an open one means the child is known to the municipality (kendt i kommunen). */
export const municipalCases = municipalitySchema.table(
  'municipal_cases',
  {
    id: uuid().primaryKey().defaultRandom(),
    childId: text()
      .notNull()
      .references(() => children.id),
    municipalityCode: integer()
      .notNull()
      .references(() => municipalities.code),
    openedOn: date({ mode: 'string' }).notNull(),
    closedOn: date({ mode: 'string' }),
    synthetic: boolean().notNull().default(false),
  },
  (t) => [index('municipal_cases_open_idx').on(t.childId, t.municipalityCode).where(sql`${t.closedOn} is null`)],
);

export type MunicipalityRow = typeof municipalities.$inferSelect;
export type ChildRow = typeof children.$inferSelect;

/** Consents this sector holds to disclose its data, and its append-only access log (shared definitions). */
export const { consents, accessLog } = defineSectorTables(municipalitySchema);
