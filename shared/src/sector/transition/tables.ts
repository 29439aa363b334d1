import { date, index, text, timestamp, uuid, type PgSchema } from 'drizzle-orm/pg-core';
import { COORDINATING_SECTORS, type CoordinatingSector } from '../../domain/coordination/contact-persons.ts';

/** drizzle wants the values as a non-empty tuple. */
const SECTOR_VALUES = COORDINATING_SECTORS as [CoordinatingSector, ...CoordinatingSector[]];

export const TRANSITION_PLAN_SOURCES = ['OWN', 'RECEIVED'] as const;
export const TRANSITION_PLAN_MAKERS = ['BUA', 'MUNICIPALITY'] as const;

/**
 * Transition plans for young people turning 18 (agreement 6.1: "overgangen fra ung til voksen planlægges og
 * koordineres ud fra en individuel vurdering"), in the two sectors that can be responsible for the pathway (BUA while
 * it holds treatment responsibility, else the municipality): the plans this sector made, and those the other made and
 * sent here, so neither shows a plan as missing that the other has made. The newest plan for a child is the one in
 * force.
 */
export function defineTransitionPlanTables(schema: PgSchema) {
  const transitionPlans = schema.table(
    'transition_plans',
    {
      id: uuid().primaryKey(),
      childId: text().notNull(),
      source: text({ enum: TRANSITION_PLAN_SOURCES }).notNull(),
      /** The sector that made the plan. */
      madeBy: text({ enum: TRANSITION_PLAN_MAKERS }).notNull(),
      /** OWN: the organisation that recorded it here. */
      organisation: text(),
      responsibleSector: text({ enum: SECTOR_VALUES }).notNull(),
      responsibleName: text().notNull(),
      responsibleRole: text().notNull(),
      plannedOn: date({ mode: 'string' }).notNull(),
      receivingService: text().notNull(),
      individualAssessment: text().notNull(),
      consentDecision: text({ enum: ['GIVEN', 'REFUSED'] }).notNull(),
      consentDecidedOn: date({ mode: 'string' }).notNull(),
      consentScope: text(),
      recordedBy: text(),
      recordedAt: timestamp({ withTimezone: true, mode: 'string' }).notNull(),
    },
    (t) => [index().on(t.childId, t.id)],
  );
  return { transitionPlans };
}

export type TransitionPlanTables = ReturnType<typeof defineTransitionPlanTables>;
export type TransitionPlanRow = TransitionPlanTables['transitionPlans']['$inferSelect'];
