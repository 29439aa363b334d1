import { defineMessagingTables } from '@pathway-graph/shared/messaging/tables';
import { defineCoordinationTables } from '@pathway-graph/shared/sector/coordination/tables';
import { defineMedicationAgreementTables } from '@pathway-graph/shared/sector/medication/tables';
import { defineTransitionPlanTables } from '@pathway-graph/shared/sector/transition/tables';
import type { Intervention } from '@pathway-graph/shared/domain/coordination/index';
import type { Referral, ReferralStatus, OutcomeRecipient } from '@pathway-graph/shared/domain/referral/index';
import { boolean, date, index, integer, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The same Postgres schema as schema.ts: the referral tables of BUA, kept in a file of their own. */
const buaSchema = pgSchema('bua');

/** The outcome of the assessment as BUA recorded it; the diagnoses as canonical SKS codes. */
export interface StoredAssessmentOutcome {
  conclusion: 'DIAGNOSED' | 'NO_DIAGNOSIS';
  diagnoses: string[];
  treatment: { description: string; startedOn: string } | null;
  childNeeds: string;
  results: string;
  concludedAt: string;
  recordedBy: string;
}

/**
 * Referrals (henvisninger) received by BUA (Trin 3, agreement 6.1), one row per referral: what the referrer sent
 * (kept as validated on receipt, with the FHIR bundle as it came), and BUA's course of it: every status with its time,
 * the visitation decision, the assessment outcome and to whom it was communicated. The CPR number is kept because
 * BUA's records need it (and the status messages carry it); the API never returns it.
 */
export const referrals = buaSchema.table(
  'referrals',
  {
    /** The referral id the referrer chose (ServiceRequest.identifier), the same in every sector. */
    id: uuid().primaryKey(),
    /** The referral message's id: delivered again, it is recognised. */
    messageId: text().notNull().unique('referrals_message_id_unique'),
    childId: text().notNull(),
    cpr: text().notNull(),
    birthDate: date({ mode: 'string' }).notNull(),
    referrerSector: text({ enum: ['GENERAL_PRACTICE', 'MUNICIPALITY'] }).notNull(),
    /** The referrer's ydernummer or municipality code. */
    referrerOrganisation: text().notNull(),
    /** The two sectors around the child that BUA keeps informed: its municipality and its GP practice. */
    municipalityCode: integer().notNull(),
    ydernummer: text().notNull(),
    requesterName: text().notNull(),
    requesterRole: text().notNull(),
    reason: text().notNull(),
    stepReached: text({ enum: ['NONE', 'TRIN_1', 'TRIN_2'] }).notNull(),
    acute: boolean().notNull(),
    interventionsTried: jsonb().$type<Intervention[]>().notNull(),
    screeningResultIds: jsonb().$type<string[]>().notNull(),
    consents: jsonb().$type<Referral['consents']>().notNull(),
    emergencyPhoneContact: jsonb().$type<Referral['emergencyPhoneContact']>(),
    notificationFiled: jsonb().$type<Referral['notificationFiled']>(),
    sentAt: timestamp({ withTimezone: true, mode: 'string' }).notNull(),
    receivedAt: timestamp({ withTimezone: true, mode: 'string' }).notNull(),
    status: text({ enum: ['SENT', 'RECEIVED', 'VISITED', 'ASSESSMENT_STARTED', 'ASSESSED', 'CLOSED'] }).notNull(),
    /** Every status reached, with its time (ISO instants), oldest first: the state the shared rules replay. */
    history: jsonb().$type<{ status: ReferralStatus; at: string }[]>().notNull(),
    /** When the outcome (or the no-assessment decision) was communicated to each recipient. */
    communicated: jsonb().$type<Partial<Record<OutcomeRecipient, string>>>().notNull(),
    visitationDecision: text({ enum: ['ASSESSMENT', 'NO_ASSESSMENT_NEEDED'] }),
    visitationReason: text(),
    visitationDecidedBy: text(),
    outcome: jsonb().$type<StoredAssessmentOutcome>(),
    /** How the outcome was communicated to the parents: when, how and by whom. */
    parentCommunication: jsonb().$type<{ at: string; how: string; by: string }>(),
    bundle: jsonb().notNull(),
  },
  (t) => [
    index('referrals_worklist_idx').on(t.status, t.receivedAt, t.id),
    index('referrals_received_idx').on(t.receivedAt, t.id),
    index('referrals_child_idx').on(t.childId),
  ],
);

/**
 * The municipality's interventions (Trin 1, 2 or 4) for children BUA holds an active referral for, as the
 * municipality sent them (agreement 6.1: the municipality keeps psychiatry informed); the same id again updates one.
 */
export const municipalInterventions = buaSchema.table(
  'municipal_interventions',
  {
    id: uuid().primaryKey(),
    childId: text().notNull(),
    municipalityCode: integer().notNull(),
    kind: text({ enum: ['SOCIAL', 'PSYCHOLOGICAL', 'PEDAGOGICAL'] }).notNull(),
    step: text({ enum: ['TRIN_1', 'TRIN_2', 'TRIN_4'] }).notNull(),
    description: text().notNull(),
    startedOn: date({ mode: 'string' }).notNull(),
    endedOn: date({ mode: 'string' }),
    responsible: text().notNull(),
    effect: text({ enum: ['AS_EXPECTED', 'NOT_AS_EXPECTED'] }),
    recordedAt: timestamp({ withTimezone: true, mode: 'string' }).notNull(),
    receivedAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('municipal_interventions_child_idx').on(t.childId, t.id)],
);

/** Cross-sector messaging: BUA receives referrals and sends their statuses (shared definitions). */
export const { outbox, receivedMessages } = defineMessagingTables(buaSchema);

/** BUA's coordinating contact person and the network meetings it called (agreement 6.1; shared definitions). */
export const { contactPersonEvents, networkMeetings } = defineCoordinationTables(buaSchema);

/** Trin 4: medication agreements with the GP (shared definitions, the GP holds the same). */
export const { medicationAgreements } = defineMedicationAgreementTables(buaSchema);

/** Transition plans for young people turning 18 (shared definitions, the municipality holds the same). */
export const { transitionPlans } = defineTransitionPlanTables(buaSchema);

export type ReferralRow = typeof referrals.$inferSelect;
export type MunicipalInterventionRow = typeof municipalInterventions.$inferSelect;
