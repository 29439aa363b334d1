/**
 * A letter's delivery status as the sending GP sees it: QUEUED (written, in the outbox) -> DELIVERED (the
 * municipality's system acknowledged it) -> READ (the municipality opened it) -> ANSWERED (its reply arrived).
 * FAILED: delivery gave up after the outbox's bounded number of attempts; a retry puts it back to QUEUED.
 */
export const LETTER_STATUSES = ['QUEUED', 'DELIVERED', 'READ', 'ANSWERED', 'FAILED'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

/** What can happen to a letter. */
export type LetterEvent = 'DELIVERED' | 'READ' | 'ANSWERED' | 'FAILED' | 'RETRY';

const PROGRESS: Record<Exclude<LetterStatus, 'FAILED'>, number> = { QUEUED: 0, DELIVERED: 1, READ: 2, ANSWERED: 3 };

/**
 * The status after `event`, or null when the event changes nothing (a duplicate or late receipt, or a retry of a
 * letter that has not failed). Receipts only move a letter forward and may skip a step: a read receipt or a reply
 * proves delivery even if the delivery acknowledgement has not been recorded yet, and also after the outbox gave up
 * (the message got through after all).
 */
export function nextStatus(current: LetterStatus, event: LetterEvent): LetterStatus | null {
  switch (event) {
    case 'RETRY':
      return current === 'FAILED' ? 'QUEUED' : null;
    case 'FAILED':
      return current === 'FAILED' ? null : 'FAILED';
    default: {
      const from = current === 'FAILED' ? -1 : PROGRESS[current];
      return PROGRESS[event] > from ? event : null;
    }
  }
}
