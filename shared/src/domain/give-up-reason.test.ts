import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { giveUpReason, MAX_GIVE_UP_REASON_LENGTH } from './give-up-reason.ts';

const refusal = (value: unknown): Record<string, unknown> => {
  try {
    giveUpReason(value);
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return (error as GraphQLError).extensions;
  }
  throw new Error('accepted');
};

describe('giveUpReason: why a person gives up a failed message, kept in the outbox error note', () => {
  it('accepts one line of text up to the limit, trimmed', () => {
    expect(giveUpReason('  Sent by post instead  ')).toBe('Sent by post instead');
    expect(giveUpReason('x'.repeat(MAX_GIVE_UP_REASON_LENGTH))).toHaveLength(MAX_GIVE_UP_REASON_LENGTH);
  });

  it('refuses empty, too long, multi-line and control-character text, naming the field', () => {
    expect(refusal('   ')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(refusal(null)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(refusal('x'.repeat(MAX_GIVE_UP_REASON_LENGTH + 1))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason', maxLength: MAX_GIVE_UP_REASON_LENGTH });
    expect(refusal('one\ntwo')).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'CONTROL_CHARACTER' });
    expect(refusal('a\u0000b')).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'CONTROL_CHARACTER' });
  });

  it('refuses text that looks like a CPR number, written together or apart', () => {
    expect(refusal('wrong child 010115-4321? no: 0101154321')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason', rule: 'CPR_NUMBER' });
    expect(refusal('child 01 01 15 4321')).toMatchObject({ rule: 'CPR_NUMBER' });
    expect(giveUpReason('ticket 12345, sent on 2026-11-23')).toBe('ticket 12345, sent on 2026-11-23');
  });
});
