import { badUserInput, conflict, forbidden, type Principal } from '@pathway-graph/shared';
import { assertNoPersonalIdentifiers, type AnonymityOptions } from '../anonymity/index.ts';
import { isActiveBooking, type Booking, type Slot } from '../types.ts';
import { optionalText } from './description.ts';
import { assertBuaAdviser } from './eligibility.ts';

/**
 * After a sparring or supervision meeting the adviser records the advice given; the municipality reads it.
 *
 * Decision: advice is recorded once and then only amended, never overwritten: each amendment is a new version and
 * the earlier ones stay, as in a record a municipality may already have acted on. Any BUA adviser may write the
 * first version (a colleague may have stood in at the meeting); only the adviser who wrote it may amend it, so a
 * text keeps one author. The text is anonymous like the case description.
 */
export interface AdviceVersion {
  bookingId: string;
  /** 1 for the first record, then 2, 3, ... for amendments. */
  version: number;
  text: string;
  recordedBy: string;
  recordedAt: Date;
}

export const MAX_ADVICE_LENGTH = 8000;

/** The version to store for `text`, given the booking's versions so far (in any order). */
export function recordAdvice(
  principal: Principal,
  input: { booking: Pick<Booking, 'id' | 'kind' | 'cancelledAt'>; slot: Pick<Slot, 'startsAt' | 'status'>; text: unknown },
  versions: readonly AdviceVersion[],
  anonymity: AnonymityOptions,
  now: Date,
): AdviceVersion {
  assertBuaAdviser(principal, 'record the advice given at a meeting');
  const { booking, slot } = input;
  if (booking.kind === 'TEACHING') {
    throw badUserInput('Advice is recorded for sparring and supervision meetings; a teaching session has no case to advise on.', { field: 'bookingId' });
  }
  if (!isActiveBooking(booking) || slot.status === 'CANCELLED') {
    throw conflict('The meeting was cancelled, so there is no advice to record.', { field: 'bookingId' });
  }
  if (now.getTime() < slot.startsAt.getTime()) {
    throw badUserInput('Advice can be recorded once the meeting has begun; before that, the description is the place for notes.', {
      field: 'bookingId',
    });
  }
  const sorted = [...versions].sort((a, b) => a.version - b.version);
  const first = sorted[0];
  if (first && first.recordedBy !== principal.subject) {
    throw forbidden('Another adviser recorded this advice; only they can amend it, so ask them to.', { field: 'bookingId' });
  }
  const text = optionalText(input.text, 'text', MAX_ADVICE_LENGTH);
  if (text === null) throw badUserInput('Write the advice given at the meeting.', { field: 'text' });
  assertNoPersonalIdentifiers(text, 'text', anonymity);
  const latest = sorted.at(-1);
  if (latest && latest.text === text) throw conflict('The advice is already recorded with exactly this text; nothing to amend.', { field: 'text' });
  return { bookingId: booking.id, version: (latest?.version ?? 0) + 1, text, recordedBy: principal.subject, recordedAt: now };
}

/** The advice as the municipality sees it: the latest version, and whether it was amended. */
export function currentAdvice(versions: readonly AdviceVersion[]): (AdviceVersion & { amended: boolean }) | null {
  const latest = [...versions].sort((a, b) => a.version - b.version).at(-1);
  return latest ? { ...latest, amended: latest.version > 1 } : null;
}
