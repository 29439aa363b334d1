import { defineSectorTables } from '@pathway-graph/shared/sector/tables';
import { defineMessagingTables } from '@pathway-graph/shared/messaging/tables';
import { boolean, date, index, integer, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
    /**
     * The child's official name as the practice's record has it (MedCom's Patient needs it: name:official with a
     * family name). Personal data like the CPR number: sent only inside a letter's bundle, never logged or in a URL.
     */
    givenNames: text(),
    familyName: text(),
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

/** The outbox the delivery worker sends from, and the record of messages received (shared definitions). */
export const { outbox, receivedMessages } = defineMessagingTables(generalPracticeSchema);

export const LETTER_STATUS_VALUES = ['QUEUED', 'DELIVERED', 'READ', 'ANSWERED', 'FAILED', 'GIVEN_UP'] as const;

/**
 * Correspondence letters (korrespondancebreve, agreement 6.2) sent by a practice to a municipality's inbox. The CPR
 * number is kept because the letter carries it (the MedCom Patient); the API never returns it. `messageId` is the
 * client's idempotency key: unique, so one send is one letter however often it is retried.
 */
export const letters = generalPracticeSchema.table(
  'letters',
  {
    id: uuid().primaryKey(),
    messageId: text().notNull().unique('letters_message_id_unique'),
    /**
     * The MedCom MessageHeader.id (a random UUID of version 4): what the outbox delivers it under and what the
     * municipality's acknowledgement, receipt and reply name. Null only for letters sent before it was kept apart
     * from the client's `messageId` (they used that).
     */
    headerId: text().unique('letters_header_id_unique'),
    /** The bundle's exact bytes as last delivered (a resend replaces Bundle.id and timestamp): what the export returns. */
    bundle: text(),
    practice: text().notNull(),
    childId: text().notNull(),
    cpr: text().notNull(),
    recipientMunicipalityCode: integer().notNull(),
    recipientInboxGln: text().notNull(),
    recipientInboxName: text().notNull(),
    category: text().notNull(),
    topic: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    step: text({ enum: ['TRIN_1', 'TRIN_2'] }).notNull(),
    consentGivenBy: text({ enum: ['YOUNG_PERSON', 'CUSTODY_HOLDER'] }).notNull(),
    consentGivenOn: date({ mode: 'string' }).notNull(),
    signatureName: text().notNull(),
    signatureTitle: text().notNull(),
    signaturePhone: text().notNull(),
    status: text({ enum: LETTER_STATUS_VALUES }).notNull(),
    /** ISO 8601 instant as put in the MedCom bundle (kept as text so the exported bundle is byte-stable). */
    sentAt: text().notNull(),
    replyDueOn: date({ mode: 'string' }).notNull(),
    createdBy: text().notNull(),
  },
  (t) => [index('letters_practice_idx').on(t.practice, t.id), index('letters_child_idx').on(t.childId)],
);

/** Every status a letter has had, in order; the GP sees this history. */
export const letterStatusHistory = generalPracticeSchema.table(
  'letter_status_history',
  {
    id: uuid().primaryKey(),
    letterId: uuid()
      .notNull()
      .references(() => letters.id),
    status: text({ enum: LETTER_STATUS_VALUES }).notNull(),
    at: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    note: text(),
  },
  (t) => [index('letter_status_history_letter_idx').on(t.letterId, t.id)],
);

/**
 * Replies received from the municipality (what it has initiated, whether it will contact the family), one per
 * MedCom reply message; the received bundle is kept as it came, so it can be exported unchanged.
 */
export const replies = generalPracticeSchema.table(
  'replies',
  {
    id: uuid().primaryKey(),
    letterId: uuid()
      .notNull()
      .references(() => letters.id),
    messageId: text().notNull().unique('replies_message_id_unique'),
    text: text().notNull(),
    initiatedItems: jsonb().$type<string[]>().notNull().default([]),
    contactCommitment: text(),
    bundle: jsonb().notNull(),
    /** The bundle's exact bytes as received (latest envelope), exported unchanged; null for replies stored before. */
    bundleText: text(),
    receivedAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('replies_letter_idx').on(t.letterId)],
);

export type LetterRow = typeof letters.$inferSelect;
export type LetterStatusRow = typeof letterStatusHistory.$inferSelect;
export type ReplyRow = typeof replies.$inferSelect;

// Referrals to BUA (Trin 3), medication agreements (Trin 4) and coordination: in a file of their own.
export * from './referral-schema.ts';
