import { describe, expect, it } from 'vitest';
import { replyDelivery } from './model.ts';

describe("replyDelivery: the reply's delivery as the municipality sees it, from its outbox row", () => {
  const at = '2026-11-23T10:00:00.000Z';
  it('is QUEUED while it waits to be sent, and while general practice’s Acknowledgement is awaited', () => {
    for (const outboxStatus of ['QUEUED', 'AWAITING_ACKNOWLEDGEMENT', null] as const) {
      expect(replyDelivery({ outboxStatus, outboxError: 'the recipient acknowledged a temporary error; resending', deliveredAt: null })).toEqual({
        status: 'QUEUED',
        note: null,
        deliveredAt: null,
      });
    }
  });

  it('is DELIVERED, with when, once acknowledged positively', () => {
    expect(replyDelivery({ outboxStatus: 'DELIVERED', outboxError: null, deliveredAt: at })).toEqual({ status: 'DELIVERED', note: null, deliveredAt: at });
  });

  it('is FAILED with the reason when refused or out of attempts, GIVEN_UP with both reasons once a person gave it up', () => {
    const refused = "refused by the recipient's acknowledgement: UNKNOWN_LETTER";
    expect(replyDelivery({ outboxStatus: 'FAILED', outboxError: refused, deliveredAt: null })).toEqual({ status: 'FAILED', note: refused, deliveredAt: null });
    const givenUp = 'given up (by a person) after: no acknowledgement';
    expect(replyDelivery({ outboxStatus: 'GIVEN_UP', outboxError: givenUp, deliveredAt: at })).toEqual({ status: 'GIVEN_UP', note: givenUp, deliveredAt: null });
  });
});
