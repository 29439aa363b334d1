import { INTERVENTION_EFFECTS, INTERVENTION_KINDS, INTERVENTION_STEPS } from '@pathway-graph/shared/domain/coordination/index';
import { defineCoordinationTables } from '@pathway-graph/shared/sector/coordination/tables';
import { defineReferrerTables } from '@pathway-graph/shared/sector/referrer/tables';
import { defineTransitionPlanTables } from '@pathway-graph/shared/sector/transition/tables';
import { date, index, integer, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The same Postgres schema as schema.ts: the municipality's referral and coordination tables, in a file of their own. */
const municipalitySchema = pgSchema('municipality');

/**
 * Referrals to BUA (Trin 3) the municipality sent after Trin 2 or BUA told it of, with every status BUA reported,
 * and its part of the joint decision after a no-assessment visitation (shared definitions, general practice holds the same).
 */
export const { referrals: referralsToBua, furtherCourse: referralFurtherCourse } = defineReferrerTables(municipalitySchema);

/** Transition plans for young people turning 18 (shared definitions, BUA holds the same). */
export const { transitionPlans } = defineTransitionPlanTables(municipalitySchema);

/** The municipality's coordinating contact person per child and the network meetings it recorded (agreement 6.1). */
export const { contactPersonEvents, networkMeetings } = defineCoordinationTables(municipalitySchema);

/**
 * The municipality's own interventions (Trin 1, 2 and 4: social, psychological or pedagogical), as its staff record
 * them; `sentToBuaAt` says when it was last sent to BUA (agreement 6.1: the municipality keeps psychiatry informed).
 */
export const municipalInterventions = municipalitySchema.table(
  'municipal_interventions',
  {
    id: uuid().primaryKey(),
    childId: text().notNull(),
    municipalityCode: integer().notNull(),
    kind: text({ enum: INTERVENTION_KINDS }).notNull(),
    step: text({ enum: INTERVENTION_STEPS }).notNull(),
    description: text().notNull(),
    startedOn: date({ mode: 'string' }).notNull(),
    endedOn: date({ mode: 'string' }),
    responsible: text().notNull(),
    effect: text({ enum: INTERVENTION_EFFECTS }),
    recordedBy: text().notNull(),
    recordedAt: timestamp({ withTimezone: true, mode: 'string' }).notNull(),
    sentToBuaAt: timestamp({ withTimezone: true, mode: 'string' }),
  },
  (t) => [index('municipal_interventions_child_idx').on(t.childId, t.id)],
);

export type MunicipalInterventionRow = typeof municipalInterventions.$inferSelect;
