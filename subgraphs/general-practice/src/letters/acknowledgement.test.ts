import { describe, expect, it } from 'vitest';
import { acknowledgement } from './messaging.ts';

describe('acknowledgement', () => {
  it('takes the municipality’s own reply due date', () => {
    expect(acknowledgement({ status: 'RECEIVED', messageId: 'm', replyDueOn: '2026-12-07' })).toEqual({ rejected: false, replyDueOn: '2026-12-07' });
  });

  it('ignores a missing or malformed due date', () => {
    expect(acknowledgement({ status: 'RECEIVED', messageId: 'm' })).toEqual({ rejected: false });
    expect(acknowledgement({ status: 'RECEIVED', replyDueOn: 'next week' })).toEqual({ rejected: false });
    expect(acknowledgement(undefined)).toEqual({ rejected: false });
  });

  it('reports a refusal with the municipality’s reason', () => {
    expect(acknowledgement({ status: 'REJECTED', messageId: 'm', reason: 'No municipal inbox has location number 5790000000005.' })).toEqual({
      rejected: true,
      reason: 'No municipal inbox has location number 5790000000005.',
    });
  });
});
