import { defineSectorTables } from '@pathway-graph/shared/sector/tables';
import { sql } from 'drizzle-orm';
import { defineMessagingTables } from '@pathway-graph/shared/messaging/tables';
import type { MessageSegment, PractitionerInRole, ReplacementCpr } from '@pathway-graph/shared';
import { boolean, date, index, integer, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
  /** Working days (Mon-Fri) the municipality allows itself to reply to a letter; letters past it are overdue. */
  replyDeadlineWorkingDays: integer().notNull().default(10),
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
  (t) => [
    index('children_residence_idx').on(t.residenceMunicipalityCode, t.id),
    // The worklist's young people turning 18 soon in a municipality (a transition plan may be missing).
    index('children_residence_birth_idx').on(t.residenceMunicipalityCode, t.birthDate),
  ],
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

/** Cross-sector messaging: the outbox the delivery worker sends from, and the message ids already received. */
export const { outbox, receivedMessages } = defineMessagingTables(municipalitySchema);

export const LETTER_STATUSES = ['RECEIVED', 'READ', 'ANSWERED'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];
export const LETTER_STEPS = ['TRIN_1', 'TRIN_2'] as const;
export type LetterStep = (typeof LETTER_STEPS)[number];

/**
 * Correspondence letters (korrespondancemeddelelser) received from general practice (agreement 6.2), one row per
 * MedCom message id. The CPR number stays here (like `children.cpr`): the reply must name the patient.
 */
export const receivedLetters = municipalitySchema.table(
  'received_letters',
  {
    /** UUIDv7, so id order is receipt order (the inbox pages by it). */
    id: uuid().primaryKey(),
    /** The letter's MessageHeader id: the idempotency key of delivery, and what the reply points at. */
    messageId: text().notNull().unique(),
    municipalityCode: integer()
      .notNull()
      .references(() => municipalities.code),
    /** The department that received it (agreement section 7), as the inbox was routed on receipt. */
    department: receivingDepartment().notNull(),
    childId: text().notNull(),
    cpr: text().notNull(),
    /** Replacement CPR numbers (eCPR) the letter gave beside the CPR number; the reply repeats them. */
    replacementCprs: jsonb().$type<ReplacementCpr[]>(),
    /**
     * The child's official name as the letter's Patient gave it (MedCom requires it; the reply repeats it). Personal
     * data like the CPR number: never logged, never in a URL. Null for letters received before it was kept.
     */
    childGivenNames: text(),
    childFamilyName: text(),
    birthDate: date({ mode: 'string' }).notNull(),
    senderYdernummer: text(),
    senderGln: text().notNull(),
    senderSorCode: text().notNull(),
    senderName: text(),
    receiverGln: text().notNull(),
    receiverSorCode: text().notNull(),
    /** The GP who wrote, as signed in the letter. */
    gpSignature: text(),
    /** The GP as a MedCom PractitionerRole, so the reply can be addressed to them. */
    gpPractitioner: jsonb().$type<PractitionerInRole>(),
    conversationId: text().notNull(),
    category: text().notNull(),
    topic: text(),
    subject: text().notNull(),
    text: text().notNull(),
    /** The letter's segments as sent; the reply quotes them (MedCom replies repeat the conversation). */
    segments: jsonb().$type<MessageSegment[]>().notNull(),
    /** The step of the graduated pathway the GP names, when given. */
    step: text({ enum: LETTER_STEPS }),
    /** The MedCom bundle's exact bytes as received (the latest envelope); the reply carries its Provenance from it. */
    bundle: text(),
    sentAt: timestamp({ withTimezone: true, mode: 'string' }).notNull(),
    receivedAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    receivedOn: date({ mode: 'string' }).notNull(),
    replyDueOn: date({ mode: 'string' }).notNull(),
    status: text({ enum: LETTER_STATUSES }).notNull().default('RECEIVED'),
    assigneeSubject: text(),
    assigneeRole: text(),
    assigneeName: text(),
    assignedAt: timestamp({ withTimezone: true, mode: 'string' }),
    readAt: timestamp({ withTimezone: true, mode: 'string' }),
    readBy: text(),
  },
  (t) => [
    index('received_letters_inbox_idx').on(t.municipalityCode, t.id),
    index('received_letters_child_idx').on(t.childId),
    // The worklist's overdue letters of a municipality: only the unanswered ones, by their reply due date.
    index('received_letters_unanswered_due_idx').on(t.municipalityCode, t.replyDueOn).where(sql`status <> 'ANSWERED'`),
  ],
);

export const LETTER_EVENT_KINDS = ['RECEIVED', 'ASSIGNED', 'READ', 'REPLIED', 'REPLY_RETRIED', 'REPLY_GIVEN_UP'] as const;

/** What happened to a letter, in order: its history in the inbox. Append-only. */
export const letterEvents = municipalitySchema.table(
  'letter_events',
  {
    id: uuid().primaryKey(),
    letterId: uuid()
      .notNull()
      .references(() => receivedLetters.id),
    at: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    kind: text({ enum: LETTER_EVENT_KINDS }).notNull(),
    /** Null for RECEIVED (the delivery, not a person). */
    actorSubject: text(),
    actorName: text(),
    /** e.g. the assignee's name and role. */
    detail: text(),
  },
  (t) => [index('letter_events_letter_idx').on(t.letterId, t.id)],
);

/** The municipality's one reply to a letter. */
export const letterReplies = municipalitySchema.table('letter_replies', {
  id: uuid().primaryKey(),
  letterId: uuid()
    .notNull()
    .unique()
    .references(() => receivedLetters.id),
  /** The reply's MessageHeader id. */
  messageId: text().notNull().unique(),
  initiated: jsonb().$type<string[]>().notNull(),
  text: text().notNull(),
  contactCommitment: text({ enum: ['CONTACT_FAMILY', 'CONTACT_GP'] }),
  contactOptions: text(),
  repliedBySubject: text().notNull(),
  repliedByName: text().notNull(),
  repliedByRole: text().notNull(),
  repliedAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  /** The MedCom bundle's exact bytes as last sent (a resend's new envelope included). Null for replies sent before. */
  bundle: text(),
});

export type ReceivedLetterRow = typeof receivedLetters.$inferSelect;
export type LetterEventRow = typeof letterEvents.$inferSelect;
export type LetterReplyRow = typeof letterReplies.$inferSelect;

// Referrals to BUA (Trin 3), interventions, transition plans and coordination: in a file of their own.
export * from './referral-schema.ts';
// ---- Screening and early detection (issue 10): the offer catalogue and the track-3 worklist ----

/** The screening tracks (spor) of the terms of reference, as the screening subgraph names them. */
export const SCREENING_TRACKS = ['RECOGNISED_MENTAL_PROBLEMS', 'CHRONIC_SOMATIC_ILLNESS', 'RELATIVE_OF_MENTALLY_ILL'] as const;
export type ScreeningTrack = (typeof SCREENING_TRACKS)[number];
export const OFFER_KINDS = [
  'COUNSELLING',
  'GROUP_COURSE',
  'FAMILY_SUPPORT',
  'PARENT_SUPPORT',
  'PEER_GROUP',
  'SCHOOL_SUPPORT',
  'HEALTH_VISITOR_SUPPORT',
  'PSYCHOLOGIST',
  'OTHER',
] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];
/** The terms of reference ask which offers exist and which could be established: both are kept, only EXISTING is chosen. */
export const OFFER_AVAILABILITIES = ['EXISTING', 'PROPOSED'] as const;
export type OfferAvailability = (typeof OFFER_AVAILABILITIES)[number];

/**
 * Each municipality's catalogue of offers (tilbud) for children who screen positive in a track; the screening
 * subgraph's action plans refer to them by id. Reference data, no child's data. A retired offer stays (plans made
 * with it keep resolving); it can no longer be chosen.
 */
export const municipalOffers = municipalitySchema.table(
  'municipal_offers',
  {
    /** UUIDv7: the catalogue pages by it. */
    id: uuid().primaryKey(),
    municipalityCode: integer()
      .notNull()
      .references(() => municipalities.code),
    name: text().notNull(),
    kind: text({ enum: OFFER_KINDS }).notNull(),
    targetGroup: text().notNull(),
    tracks: text({ enum: SCREENING_TRACKS }).array().notNull(),
    minAge: integer().notNull(),
    maxAge: integer().notNull(),
    contact: text().notNull(),
    availability: text({ enum: OFFER_AVAILABILITIES }).notNull(),
    retiredOn: date({ mode: 'string' }),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    updatedBy: text(),
    updatedAt: timestamp({ withTimezone: true, mode: 'string' }),
    synthetic: boolean().notNull().default(false),
  },
  (t) => [index('municipal_offers_catalogue_idx').on(t.municipalityCode, t.id)],
);
export type MunicipalOfferRow = typeof municipalOffers.$inferSelect;

export const RELATIVE_RELATIONS = ['PARENT', 'SIBLING'] as const;
export type RelativeRelation = (typeof RELATIVE_RELATIONS)[number];
export const RELATIVE_REGISTRATION_STATUSES = ['NEW', 'TAKEN'] as const;
export type RelativeRegistrationStatus = (typeof RELATIVE_REGISTRATION_STATUSES)[number];

/**
 * Track-3 registrations received from screening (adult psychiatry asked its patient about children): the family
 * services' worklist. One row per message; nothing that identifies the adult patient ever reaches it.
 */
export const relativeRegistrations = municipalitySchema.table(
  'relative_registrations',
  {
    /** UUIDv7, so id order is receipt order (the worklist pages by it). */
    id: uuid().primaryKey(),
    /** The message id: delivery is idempotent on it. */
    messageId: text().notNull().unique(),
    /** The membership's id in screening. */
    registrationId: uuid().notNull(),
    municipalityCode: integer()
      .notNull()
      .references(() => municipalities.code),
    childId: text().notNull(),
    birthDate: date({ mode: 'string' }).notNull(),
    relation: text({ enum: RELATIVE_RELATIONS }).notNull(),
    registeredOn: date({ mode: 'string' }).notNull(),
    patientConsentOn: date({ mode: 'string' }).notNull(),
    departmentSorCode: text().notNull(),
    contactName: text().notNull(),
    contactPhone: text(),
    receivedAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    receivedOn: date({ mode: 'string' }).notNull(),
    status: text({ enum: RELATIVE_REGISTRATION_STATUSES }).notNull().default('NEW'),
    takenBySubject: text(),
    takenByName: text(),
    takenByRole: text(),
    takenAt: timestamp({ withTimezone: true, mode: 'string' }),
  },
  (t) => [
    index('relative_registrations_worklist_idx').on(t.municipalityCode, t.status, t.id),
    index('relative_registrations_child_idx').on(t.childId),
  ],
);
export type RelativeRegistrationRow = typeof relativeRegistrations.$inferSelect;
