import { boolean, date, index, text, timestamp, uuid, type PgSchema } from 'drizzle-orm/pg-core';
import { AGREEMENT_PARTIES } from '../../domain/coordination/medication-agreement.ts';

export const MEDICATION_AGREEMENT_STATUSES = ['PROPOSED', 'ACCEPTED', 'DECLINED', 'SUPERSEDED'] as const;

/**
 * Medication agreements between BUA and the GP (agreement 6.1, Trin 4: continuing pharmacological treatment), held by
 * both sides, each its own copy kept in step by messages; defined once so the two copies cannot drift apart. One row
 * per proposal; a newer proposal on the same medicine for the child supersedes the one before it.
 */
export function defineMedicationAgreementTables(schema: PgSchema) {
  const medicationAgreements = schema.table(
    'medication_agreements',
    {
      /** The agreement's id, the same in BUA and general practice. */
      id: uuid().primaryKey(),
      /** The referral whose treatment it continues. */
      referralId: uuid().notNull(),
      childId: text().notNull(),
      /** The GP practice it is agreed with. */
      ydernummer: text().notNull(),
      atcCode: text().notNull(),
      medicineName: text().notNull(),
      prescriber: text({ enum: AGREEMENT_PARTIES }).notNull(),
      prescribesFrom: date({ mode: 'string' }).notNull(),
      reviewOn: date({ mode: 'string' }).notNull(),
      note: text(),
      proposedBy: text({ enum: AGREEMENT_PARTIES }).notNull(),
      proposedAt: timestamp({ withTimezone: true, mode: 'string' }).notNull(),
      status: text({ enum: MEDICATION_AGREEMENT_STATUSES }).notNull(),
      responseBy: text({ enum: AGREEMENT_PARTIES }),
      responseAt: timestamp({ withTimezone: true, mode: 'string' }),
      responseAccepted: boolean(),
      responseReason: text(),
      supersededAt: timestamp({ withTimezone: true, mode: 'string' }),
      createdAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    },
    (t) => [index().on(t.childId, t.atcCode)],
  );
  return { medicationAgreements };
}

export type MedicationAgreementTables = ReturnType<typeof defineMedicationAgreementTables>;
export type MedicationAgreementRow = MedicationAgreementTables['medicationAgreements']['$inferSelect'];
