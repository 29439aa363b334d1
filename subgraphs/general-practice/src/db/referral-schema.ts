import { defineCoordinationTables } from '@pathway-graph/shared/sector/coordination/tables';
import { defineMedicationAgreementTables } from '@pathway-graph/shared/sector/medication/tables';
import { defineReferrerTables } from '@pathway-graph/shared/sector/referrer/tables';
import { pgSchema } from 'drizzle-orm/pg-core';

/** The same Postgres schema as schema.ts: general practice's referral tables, kept in a file of their own. */
const generalPracticeSchema = pgSchema('general_practice');

/**
 * Referrals to BUA (Trin 3) this practice sent or BUA told it of, with every status BUA reported, and the practice's
 * part of the joint decision after a no-assessment visitation (shared definitions, the municipality holds the same).
 */
export const { referrals: referralsToBua, furtherCourse: referralFurtherCourse } = defineReferrerTables(generalPracticeSchema);

/** Trin 4: medication agreements with BUA (shared definitions, BUA holds the same). */
export const { medicationAgreements } = defineMedicationAgreementTables(generalPracticeSchema);

/** The practice's coordinating contact person per child and the network meetings it recorded (agreement 6.1). */
export const { contactPersonEvents, networkMeetings } = defineCoordinationTables(generalPracticeSchema);
