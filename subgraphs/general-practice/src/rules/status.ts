/**
 * A letter's delivery status as the sending GP sees it: QUEUED (written, in the outbox) -> DELIVERED (the
 * municipality's system acknowledged it) -> READ (the municipality opened it) -> ANSWERED (its reply arrived).
 * FAILED: delivery gave up after the outbox's bounded number of attempts (or the municipality refused it); a retry
 * puts it back to QUEUED, giving up makes it GIVEN_UP for good (a receipt proving it got through still moves it on).
 */
export const LETTER_STATUSES = ['QUEUED', 'DELIVERED', 'READ', 'ANSWERED', 'FAILED', 'GIVEN_UP'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

/** What can happen to a letter. */
export type LetterEvent = 'DELIVERED' | 'READ' | 'ANSWERED' | 'FAILED' | 'RETRY' | 'GIVE_UP';

const PROGRESS: Record<Exclude<LetterStatus, 'FAILED' | 'GIVEN_UP'>, number> = { QUEUED: 0, DELIVERED: 1, READ: 2, ANSWERED: 3 };

/**
 * The status after `event`, or null when the event changes nothing (a duplicate or late receipt, or a retry of a
 * letter that has not failed, a give-up of one that has not failed or a failure of one given up). Receipts only move a letter forward and may skip a step: a read receipt or a reply
 * proves delivery even if the delivery acknowledgement has not been recorded yet, and also after the outbox gave up
 * (the message got through after all).
 */
export function nextStatus(current: LetterStatus, event: LetterEvent): LetterStatus | null {
  switch (event) {
    case 'RETRY':
      return current === 'FAILED' ? 'QUEUED' : null;
    case 'GIVE_UP':
      return current === 'FAILED' ? 'GIVEN_UP' : null;
    case 'FAILED':
      return current === 'FAILED' || current === 'GIVEN_UP' ? null : 'FAILED';
    default: {
      const from = current === 'FAILED' || current === 'GIVEN_UP' ? -1 : PROGRESS[current];
      return PROGRESS[event] > from ? event : null;
    }
  }
}
