import { date, index, integer, jsonb, text, timestamp, unique, uuid, type PgSchema } from 'drizzle-orm/pg-core';
import { JOINT_DECISION_SECTORS } from '../../domain/referral/joint-decision.ts';
import { REFERRER_SECTORS, type Referral } from '../../domain/referral/referral.ts';
import { REFERRAL_STATUSES, type ReferralStatus, type VisitationDecision } from '../../domain/referral/status.ts';

/** REFERRER: this sector sent the referral. INFORMED: the other sector around the child, told of it by BUA. */
export const REFERRAL_ROLES = ['REFERRER', 'INFORMED'] as const;
export type ReferralRole = (typeof REFERRAL_ROLES)[number];

/** How the referral message fares on its way to BUA (the referrer's own rows only). */
export const REFERRAL_DELIVERIES = ['QUEUED', 'DELIVERED', 'FAILED'] as const;

/** The assessment outcome as BUA's status message carried it; the diagnoses as canonical SKS codes. */
export interface StoredOutcome {
  conclusion: 'DIAGNOSED' | 'NO_DIAGNOSIS';
  diagnoses: string[];
  treatment: { description: string; startedOn: string } | null;
  childNeeds: string;
  results: string;
  concludedAt: string;
}

/**
 * A referral to BUA as the sectors around the child hold it (general practice and the municipality; the same tables
 * in each, defined once): the one this sector sent, with what it sent, or one BUA told it of as the other party; and
 * in both cases the statuses BUA reported, each with its time, the visitation decision and the outcome. BUA's own
 * record stays in BUA; this is what was sent here.
 *
 * `referral_further_course`: the two parts of the joint decision on the further course after a no-assessment
 * visitation (this sector's own part and the other's, received as a message), keyed by referral id.
 */
export function defineReferrerTables(schema: PgSchema) {
  const referrals = schema.table(
    'referrals',
    {
      /** The referral id (the ServiceRequest identifier), the same in BUA and in both sectors around the child. */
      id: uuid().primaryKey(),
      role: text({ enum: REFERRAL_ROLES }).notNull(),
      /** The organisation of this sector that holds it: the practice's ydernummer or the municipality code. */
      organisation: text().notNull(),
      /** REFERRER: the client's idempotency key, which is also the referral message's MessageHeader id. */
      messageId: text().unique('referrals_message_id_unique'),
      childId: text().notNull(),
      /** Kept because the referral message carries it; the API never returns it. */
      cpr: text().notNull(),
      birthDate: date({ mode: 'string' }).notNull(),
      referrerSector: text({ enum: REFERRER_SECTORS }).notNull(),
      referrerOrganisation: text().notNull(),
      /** The two sectors around the child: its municipality and its GP practice. */
      municipalityCode: integer().notNull(),
      ydernummer: text().notNull(),
      /** REFERRER only: the referral as validated and sent. */
      referral: jsonb().$type<Referral>(),
      requester: jsonb().$type<{ name: string; role: string }>(),
      sentAt: timestamp({ withTimezone: true, mode: 'string' }),
      createdBy: text(),
      delivery: text({ enum: REFERRAL_DELIVERIES }),
      deliveryNote: text(),
      status: text({ enum: REFERRAL_STATUSES }).notNull(),
      /** Every status BUA reported, with its time (ISO instants), oldest first. */
      history: jsonb().$type<{ status: ReferralStatus; at: string }[]>().notNull(),
      visitation: jsonb().$type<{ decision: VisitationDecision; reason: string | null; decidedAt: string }>(),
      outcome: jsonb().$type<StoredOutcome>(),
      createdAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    },
    (t) => [index('referrals_organisation_idx').on(t.organisation, t.id), index('referrals_child_idx').on(t.childId)],
  );

  const furtherCourse = schema.table(
    'referral_further_course',
    {
      id: uuid().primaryKey(),
      referralId: uuid().notNull(),
      sector: text({ enum: JOINT_DECISION_SECTORS }).notNull(),
      furtherCourse: text().notNull(),
      recordedAt: timestamp({ withTimezone: true, mode: 'string' }).notNull(),
      /** This sector's own part: who recorded it; null for the other sector's part, received as a message. */
      recordedBy: text(),
      /** The message the part travelled in. */
      messageId: text().notNull().unique('referral_further_course_message_id_unique'),
    },
    (t) => [unique('referral_further_course_once').on(t.referralId, t.sector)],
  );

  return { referrals, furtherCourse };
}

export type ReferrerTables = ReturnType<typeof defineReferrerTables>;
export type ReferrerReferralRow = ReferrerTables['referrals']['$inferSelect'];
export type FurtherCourseRow = ReferrerTables['furtherCourse']['$inferSelect'];
