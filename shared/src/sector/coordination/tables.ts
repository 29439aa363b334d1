import { date, index, jsonb, text, timestamp, uuid, type PgSchema } from 'drizzle-orm/pg-core';
import { COORDINATING_SECTORS, type CoordinatingSector } from '../../domain/coordination/contact-persons.ts';

/** drizzle wants the values as a non-empty tuple. */
const SECTOR_VALUES = COORDINATING_SECTORS as [CoordinatingSector, ...CoordinatingSector[]];
import type { AgreedAction, MeetingParticipant } from '../../domain/coordination/network-meetings.ts';

export const CONTACT_PERSON_RECORD_TYPES = ['APPOINTED', 'ENDED', 'NONE_AGREED'] as const;

/** An agreed action as stored: the rule's value, and who completed it (a user id, never a name). */
export type StoredAgreedAction = AgreedAction & { completedBy: string | null };

/**
 * The coordination every sector keeps around a child's pathway (agreement 6.1), defined once for each sector's own
 * Postgres schema, as the consent tables are:
 *
 * - `contact_person_events`: the sector's coordinating contact person, as a history of records (appointed, ended,
 *   considered and agreed that nobody is appointed); the current state is derived from them. Each sector records its
 *   own, in its own subgraph: who coordinates for a sector is that sector's data and decision.
 * - `network_meetings`: the meetings this sector called (netværksmøder), with participants, summary and the actions
 *   agreed, each owned by one organisation (which may complete it) and due on a date. The sector that called the
 *   meeting keeps its minutes.
 */
export function defineCoordinationTables(schema: PgSchema) {
  const contactPersonEvents = schema.table(
    'contact_person_events',
    {
      /** UUIDv7: id order is recording order, the order the rules replay the history in. */
      id: uuid().primaryKey(),
      childId: text().notNull(),
      /** The organisation that recorded it: municipality code, ydernummer or SOR code. */
      organisation: text().notNull(),
      sector: text({ enum: SECTOR_VALUES }).notNull(),
      type: text({ enum: CONTACT_PERSON_RECORD_TYPES }).notNull(),
      /** When the appointment (or its end, or the agreement that nobody is appointed) took effect. */
      at: timestamp({ withTimezone: true, mode: 'string' }).notNull(),
      name: text(),
      role: text(),
      phone: text(),
      note: text(),
      recordedBy: text().notNull(),
      recordedAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    },
    (t) => [index().on(t.childId, t.id)],
  );

  const networkMeetings = schema.table(
    'network_meetings',
    {
      id: uuid().primaryKey(),
      childId: text().notNull(),
      /** The sector and organisation that called the meeting and keep its minutes. */
      sector: text({ enum: SECTOR_VALUES }).notNull(),
      organisation: text().notNull(),
      heldOn: date({ mode: 'string' }).notNull(),
      participants: jsonb().$type<MeetingParticipant[]>().notNull(),
      summary: text().notNull(),
      actions: jsonb().$type<StoredAgreedAction[]>().notNull(),
      recordedBy: text().notNull(),
      recordedAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    },
    // The worklist keys look for the meetings with an action of one owner (`@>` on the actions,
    // shared/src/sector/open-actions/sql.ts): without it, every meeting of the sector is read.
    (t) => [index().on(t.childId, t.id), index('network_meetings_actions_gin').using('gin', t.actions.op('jsonb_path_ops'))],
  );

  return { contactPersonEvents, networkMeetings };
}

export type CoordinationTables = ReturnType<typeof defineCoordinationTables>;
export type ContactPersonEventRow = CoordinationTables['contactPersonEvents']['$inferSelect'];
export type NetworkMeetingRow = CoordinationTables['networkMeetings']['$inferSelect'];
