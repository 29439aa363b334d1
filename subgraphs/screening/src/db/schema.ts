import { defineMessagingTables } from '@pathway-graph/shared/messaging/tables';
import { consentColumns, custodyConsentsInForceIndex, defineSectorTables } from '@pathway-graph/shared/sector/tables';
import { SECTORS } from '@pathway-graph/shared/auth/principal';
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgSchema, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Every table of this subgraph lives in its own Postgres schema, on a shared embedded instance or its own server. */
export const screeningSchema = pgSchema('screening');

/** In the order of the terms of reference, which is also the order Postgres sorts the enum in. */
export const screeningTrack = screeningSchema.enum('screening_track', [
  'RECOGNISED_MENTAL_PROBLEMS',
  'CHRONIC_SOMATIC_ILLNESS',
  'RELATIVE_OF_MENTALLY_ILL',
]);
export type ScreeningTrack = (typeof screeningTrack.enumValues)[number];

/** Track 1's basis: the area of the recognised problem (no diagnosis is required to be in the target group). */
export const PROBLEM_AREAS = [
  'ANXIETY_OR_DEPRESSION',
  'ATTENTION_OR_HYPERACTIVITY',
  'AUTISM_SPECTRUM',
  'EATING',
  'SELF_HARM',
  'BEHAVIOUR',
  'OTHER',
] as const;
export type ProblemArea = (typeof PROBLEM_AREAS)[number];
/** Track 3's basis: who of the child's family is the psychiatric patient. */
export const RELATIVE_RELATIONS = ['PARENT', 'SIBLING'] as const;
export type RelativeRelation = (typeof RELATIVE_RELATIONS)[number];
export const MEMBERSHIP_END_REASONS = [
  'NO_LONGER_AT_RISK',
  'TRANSFERRED_TO_TREATMENT',
  'MOVED_OUT_OF_REGION',
  'TURNED_18',
  'FAMILY_DECLINED',
  'REGISTERED_IN_ERROR',
  'OTHER',
] as const;
export type MembershipEndReason = (typeof MEMBERSHIP_END_REASONS)[number];
/** The track-3 message to the child's municipality: queued with the registration, then delivered or failed. */
export const NOTIFICATION_STATUSES = ['QUEUED', 'DELIVERED', 'FAILED'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];
export const INFORMANTS = ['self', 'parent', 'teacher'] as const;

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

/**
 * A child's membership of a risk group, from the day it starts to the day it ends (with why): the history stays, and
 * a child is in each track at most once at a time. The basis depends on the track (a check constraint keeps it so).
 * The municipality is the one the registering staff named as the child's (screening holds no address); it routes
 * the track-3 message and the action plan's offers, and groups the evaluation. Null on rows from before it was asked.
 */
export const trackMemberships = screeningSchema.table(
  'track_memberships',
  {
    id: uuid().primaryKey().defaultRandom(),
    childId: text()
      .notNull()
      .references(() => children.id),
    track: screeningTrack().notNull(),
    since: date({ mode: 'string' }).notNull(),
    municipalityCode: integer(),
    /** Track 1: the area of the recognised problem. */
    problemArea: text({ enum: PROBLEM_AREAS }),
    /** Track 1 (optional, chapter F) and track 2 (the chronic illness): SKS form, e.g. DF900, DE109. */
    diagnosisCode: text(),
    /** Track 3: whether the patient is the child's parent or sibling. Nothing else about the adult is kept. */
    relation: text({ enum: RELATIVE_RELATIONS }),
    registeredBySubject: text(),
    registeredByName: text(),
    registeredBySector: text({ enum: SECTORS }),
    registeredByOrganisation: text(),
    registeredAt: timestamp({ withTimezone: true, mode: 'string' }).defaultNow(),
    /**
     * The organisations besides the owner sectors this membership is addressed to, as `SECTOR:organisation`: the one
     * that registered it and, for track 3, the municipality it was sent to. They may read it without a consent.
     */
    parties: text().array().notNull().default(sql`'{}'::text[]`),
    endedOn: date({ mode: 'string' }),
    endReason: text({ enum: MEMBERSHIP_END_REASONS }),
    endedBySubject: text(),
    /** Track 3: the day the patient consented to telling the municipality; null when they did not (nothing is sent). */
    patientConsentOn: date({ mode: 'string' }),
    /** Track 3: the phone number at the department the municipality can call back; the caller's name is registeredByName. */
    contactPhone: text(),
    notificationMessageId: text().unique(),
    notificationStatus: text({ enum: NOTIFICATION_STATUSES }),
    notificationReceivedOn: date({ mode: 'string' }),
    notificationError: text(),
    synthetic: boolean().notNull().default(false),
  },
  (t) => [
    // At most one membership per child and track at a time; ended ones are history.
    uniqueIndex('track_memberships_active_unique').on(t.childId, t.track).where(sql`${t.endedOn} is null`),
    index('track_memberships_child_idx').on(t.childId, t.since),
    index('track_memberships_evaluation_idx').on(t.track, t.municipalityCode, t.since),
    check('track_memberships_end_complete', sql`(${t.endedOn} is null) = (${t.endReason} is null)`),
    check('track_memberships_ended_after_start', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.since}`),
  ],
);

/**
 * A screening result, scored on the server: self-contained, so it stays explainable when an instrument's data or the
 * deployment's band scheme changes later (instrument revision, version, band scheme, answers, every score, flags and
 * the threshold outcomes are kept as scored). `positive` and the headline score (the one the track's threshold
 * reads, with its direction and meaningful change) are columns, so the evaluation and the worklists are SQL.
 */
export const screeningResults = screeningSchema.table(
  'screening_results',
  {
    /** UUIDv7: lists page by it. */
    id: uuid().primaryKey(),
    childId: text()
      .notNull()
      .references(() => children.id),
    membershipId: uuid()
      .notNull()
      .references(() => trackMemberships.id),
    track: screeningTrack().notNull(),
    municipalityCode: integer(),
    instrumentId: text().notNull(),
    instrumentRevision: text().notNull(),
    versionId: text().notNull(),
    informant: text({ enum: INFORMANTS }).notNull(),
    bandScheme: text(),
    screeningDate: date({ mode: 'string' }).notNull(),
    ageInYears: integer().notNull(),
    answers: jsonb().notNull(),
    scores: jsonb().notNull(),
    flags: jsonb().notNull(),
    thresholdOutcomes: jsonb().notNull(),
    positive: boolean().notNull(),
    headlineScoreId: text(),
    headlineScore: integer(),
    higherIsBetter: boolean(),
    meaningfulChange: real(),
    recordedBySubject: text().notNull(),
    recordedByName: text().notNull(),
    recordedBySector: text({ enum: SECTORS }).notNull(),
    recordedByOrganisation: text().notNull(),
    recordedAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    /** The membership's parties and the recording organisation (see track_memberships.parties). */
    parties: text().array().notNull(),
    synthetic: boolean().notNull().default(false),
  },
  (t) => [
    index('screening_results_child_idx').on(t.childId, t.screeningDate),
    index('screening_results_membership_idx').on(t.membershipId, t.screeningDate, t.id),
    index('screening_results_recorder_idx').on(t.recordedBySector, t.recordedByOrganisation, t.id),
    index('screening_results_evaluation_idx').on(t.track, t.municipalityCode, t.screeningDate),
  ],
);

/**
 * An action plan (handleplan) for a positive screening: offers from the child's municipality's catalogue (by id; the
 * municipality subgraph owns them and the gateway resolves them), who is responsible, and when to follow up. One per
 * positive result; a later positive result gets a plan of its own (the revised plan at follow-up).
 */
export const actionPlans = screeningSchema.table(
  'action_plans',
  {
    id: uuid().primaryKey(),
    childId: text()
      .notNull()
      .references(() => children.id),
    membershipId: uuid()
      .notNull()
      .references(() => trackMemberships.id),
    screeningResultId: uuid()
      .notNull()
      .unique()
      .references(() => screeningResults.id),
    track: screeningTrack().notNull(),
    municipalityCode: integer(),
    offerIds: uuid().array().notNull(),
    responsibleSector: text({ enum: SECTORS }).notNull(),
    responsibleOrganisation: text().notNull(),
    responsiblePersonName: text().notNull(),
    responsiblePersonPhone: text(),
    followUpOn: date({ mode: 'string' }).notNull(),
    note: text(),
    createdOn: date({ mode: 'string' }).notNull(),
    createdBySubject: text().notNull(),
    createdByName: text().notNull(),
    createdBySector: text({ enum: SECTORS }).notNull(),
    createdByOrganisation: text().notNull(),
    createdAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    /** The result's parties, the planning and the responsible organisation (see track_memberships.parties). */
    parties: text().array().notNull(),
    synthetic: boolean().notNull().default(false),
  },
  (t) => [index('action_plans_child_idx').on(t.childId, t.createdOn), index('action_plans_membership_idx').on(t.membershipId)],
);

export type ChildRow = typeof children.$inferSelect;
export type TrackMembershipRow = typeof trackMemberships.$inferSelect;
export type ScreeningResultRow = typeof screeningResults.$inferSelect;
export type ActionPlanRow = typeof actionPlans.$inferSelect;

/**
 * Consents this sector holds to disclose its data, and its append-only access log (shared definitions). Three sectors
 * keep the screening tracks, so a consent also records the sector of the organisation that recorded (and keeps) it:
 * that organisation owns the action when a custody holder's consent lapses at 18. Null on consents recorded before.
 */
export const { consents, accessLog } = defineSectorTables(
  screeningSchema,
  screeningSchema.table('consents', { ...consentColumns(), recordedBySector: text({ enum: SECTORS }) }, (t) => [index().on(t.childId), custodyConsentsInForceIndex(t)]),
);

/** Cross-sector messaging: the outbox the delivery worker sends track-3 registrations from. */
export const { outbox, receivedMessages } = defineMessagingTables(screeningSchema);
