import { SECTORS, type Sector } from '../../auth/principal.ts';
import { badUserInput, conflict } from '../../errors.ts';
import { instantMs, oneOf, optionalText, parseInstant, requiredText } from '../input.ts';

/**
 * "at der altid tages stilling til og aftales, om der skal udpeges en ansvarlig kontaktperson blandt de involverede
 * fagprofessionelle i hver sektor ... med henblik på at varetage en koordinerende rolle" (agreement 6.1). Per child and
 * sector: whether it was considered and agreed, and if a coordinating contact person was appointed, who. One active
 * per sector at a time (appointing a new one hands over from the previous), the history kept as events; the current
 * state per sector is derived from them. Shared: every sector records its own, and the others see it.
 */

/** The sectors that take part in a child's pathway; the region (analysts) never coordinates a child's care. */
export const COORDINATING_SECTORS = SECTORS.filter((s) => s !== 'REGION') as Exclude<Sector, 'REGION'>[];
export type CoordinatingSector = (typeof COORDINATING_SECTORS)[number];

export const MAX_CONTACT_TEXT_LENGTH = 200;

export interface ContactPerson {
  name: string;
  role: string;
  phone: string | null;
}

export type ContactPersonEvent =
  | { type: 'APPOINTED'; sector: CoordinatingSector; at: string; person: ContactPerson }
  /** The appointed person stepped down and, for now, nobody took over. */
  | { type: 'ENDED'; sector: CoordinatingSector; at: string }
  /** Considered and agreed that this sector appoints nobody (for now), with why. */
  | { type: 'NONE_AGREED'; sector: CoordinatingSector; at: string; note: string };

export type ContactPersonState =
  | { sector: CoordinatingSector; status: 'NOT_CONSIDERED' }
  | { sector: CoordinatingSector; status: 'APPOINTED'; since: string; person: ContactPerson }
  | { sector: CoordinatingSector; status: 'NONE_AGREED'; since: string; note: string }
  | { sector: CoordinatingSector; status: 'ENDED'; since: string; previous: ContactPerson };

/** The current state of one sector, from its events (assumed in order; recordContactPersonEvent keeps them so). */
export function contactPersonState(history: readonly ContactPersonEvent[], sector: CoordinatingSector): ContactPersonState {
  let state: ContactPersonState = { sector, status: 'NOT_CONSIDERED' };
  for (const event of history) {
    if (event.sector !== sector) continue;
    if (event.type === 'APPOINTED') state = { sector, status: 'APPOINTED', since: event.at, person: event.person };
    else if (event.type === 'NONE_AGREED') state = { sector, status: 'NONE_AGREED', since: event.at, note: event.note };
    else if (state.status === 'APPOINTED') state = { sector, status: 'ENDED', since: event.at, previous: state.person };
  }
  return state;
}

/** Every coordinating sector's current state, so a view can also show where nothing was considered yet. */
export function contactPersonsBySector(history: readonly ContactPersonEvent[]): ContactPersonState[] {
  return COORDINATING_SECTORS.map((sector) => contactPersonState(history, sector));
}

export interface ContactPersonEventInput {
  type: string;
  sector: string;
  at: string;
  person?: { name: string; role: string; phone?: string | null } | null;
  note?: string | null;
}

/** Validates one event against the history and returns the longer history; nothing earlier is changed. */
export function recordContactPersonEvent(history: readonly ContactPersonEvent[], input: ContactPersonEventInput): ContactPersonEvent[] {
  const type = oneOf(input.type, ['APPOINTED', 'ENDED', 'NONE_AGREED'] as const, 'type', 'The kind of contact-person record');
  const sector = oneOf(input.sector, COORDINATING_SECTORS, 'sector', 'The sector');
  const at = parseInstant(input.at, 'at');
  const previous = history.filter((e) => e.sector === sector).at(-1);
  if (previous && instantMs(at) < instantMs(previous.at)) {
    throw badUserInput(`This record is dated before the sector's last contact-person record (${previous.at}); record them in order.`, { field: 'at' });
  }
  const current = contactPersonState(history, sector);
  switch (type) {
    case 'APPOINTED': {
      if (!input.person) throw badUserInput('Name the contact person appointed (name and role).', { field: 'person' });
      const person = {
        name: requiredText(input.person.name, 'person.name', MAX_CONTACT_TEXT_LENGTH, "The contact person's name"),
        role: requiredText(input.person.role, 'person.role', MAX_CONTACT_TEXT_LENGTH, "The contact person's role"),
        phone: optionalText(input.person.phone, 'person.phone', 40, "The contact person's phone"),
      };
      return [...history, { type, sector, at, person }];
    }
    case 'ENDED':
      if (current.status !== 'APPOINTED') {
        throw conflict('No contact person is appointed in this sector now, so there is no appointment to end.', { field: 'type', reason: 'NONE_ACTIVE' });
      }
      return [...history, { type, sector, at }];
    case 'NONE_AGREED':
      if (current.status === 'APPOINTED') {
        throw conflict(
          `${current.person.name} is the sector's appointed contact person; end that appointment before recording that nobody is appointed.`,
          { field: 'type', reason: 'STILL_APPOINTED' },
        );
      }
      return [...history, { type, sector, at, note: requiredText(input.note, 'note', 1_000, 'Why no contact person is appointed') }];
  }
}
