import { describe, expect, it } from 'vitest';
import { asAdviser, asGp, asMunicipal, person, refusalOf } from '../testing.ts';
import { AFTER, BEFORE, DURING, booking, consultation } from './fixtures.ts';
import { answerGpInvitation, inviteGp, withdrawGpInvitation, type GpInvitation } from './gp-invitation.ts';

const anonymity = { knownNames: ['Emma Jensen'] };
const ppr751 = asMunicipal('ppr-751', 751);
const input = { id: '0190a1b2-0000-7000-8000-00000000000a', booking: booking(), slot: consultation, practiceYdernummer: '12345' };

function invited(): GpInvitation {
  return inviteGp(ppr751, input, [], anonymity, BEFORE);
}

describe('inviteGp', () => {
  it('records an open invitation by the municipality or the adviser', () => {
    expect(inviteGp(ppr751, { ...input, note: ' Lægen kender familien. ' }, [], anonymity, BEFORE)).toEqual({
      id: input.id,
      bookingId: booking().id,
      practiceYdernummer: '12345',
      status: 'INVITED',
      note: 'Lægen kender familien.',
      invitedBy: 'ppr-751',
      invitedAt: BEFORE,
      changedAt: null,
      changedBy: null,
    });
    expect(inviteGp(asAdviser(), input, [], anonymity, BEFORE).invitedBy).toBe('adviser-1');
  });

  it('invites a practice again once its earlier invitation was withdrawn', () => {
    expect(inviteGp(ppr751, input, [{ practiceYdernummer: '12345', status: 'WITHDRAWN' }], anonymity, BEFORE).status).toBe('INVITED');
  });

  it.each([
    ['by another municipality', asMunicipal('ppr-657', 657), input, [], BEFORE, 'FORBIDDEN', 'bookingId', /Only the booking municipality/],
    ['by a GP', asGp('12345'), input, [], BEFORE, 'FORBIDDEN', 'bookingId', /Only the booking municipality/],
    ['to teaching', ppr751, { ...input, booking: booking({ kind: 'TEACHING' }) }, [], BEFORE, 'BAD_USER_INPUT', 'bookingId', /teaching sessions are for municipal staff/],
    ['to a cancelled booking', ppr751, { ...input, booking: booking({ cancelledAt: BEFORE }) }, [], BEFORE, 'CONFLICT', 'bookingId', /cancelled/],
    ['to a cancelled slot', ppr751, { ...input, slot: { ...consultation, status: 'CANCELLED' as const } }, [], BEFORE, 'CONFLICT', 'bookingId', /cancelled/],
    ['after the meeting began', ppr751, input, [], DURING, 'BAD_USER_INPUT', 'bookingId', /only before it starts/],
    ['with a malformed ydernummer', ppr751, { ...input, practiceYdernummer: '0123' }, [], BEFORE, 'BAD_USER_INPUT', 'practiceYdernummer', /ydernummer/],
    ['twice', ppr751, input, [{ practiceYdernummer: '12345', status: 'DECLINED' as const }], BEFORE, 'CONFLICT', 'practiceYdernummer', /already invited/],
    ['with a name in the note', ppr751, { ...input, note: 'Om Emma' }, [], BEFORE, 'BAD_USER_INPUT', 'note', /not allowed here/],
  ] as const)('refuses an invitation %s', (_name, principal, i, existing, now, code, field, message) => {
    const r = refusalOf(() => inviteGp(principal, i, existing, anonymity, now));
    expect(r).toMatchObject({ code, field });
    expect(r.message).toMatch(message);
  });
});

describe('answerGpInvitation', () => {
  const gp = asGp('12345');

  it('lets a GP of the practice accept, and change the answer until the meeting', () => {
    const accepted = answerGpInvitation(gp, invited(), 'ACCEPT', consultation, BEFORE);
    expect(accepted).toMatchObject({ status: 'ACCEPTED', changedAt: BEFORE, changedBy: 'gp-12345' });
    const colleague = asGp('12345', 'gp-colleague');
    const declined = answerGpInvitation(colleague, accepted, 'DECLINE', consultation, BEFORE);
    expect(declined).toMatchObject({ status: 'DECLINED', changedBy: 'gp-colleague' });
    expect(answerGpInvitation(gp, declined, 'ACCEPT', consultation, BEFORE).status).toBe('ACCEPTED');
  });

  it.each([
    ['a GP of another practice', asGp('54321'), invited(), 'ACCEPT', BEFORE, 'FORBIDDEN', /Only a GP of the invited practice/],
    ['the municipality', ppr751, invited(), 'ACCEPT', BEFORE, 'FORBIDDEN', /Only a GP/],
    ['a non-GP of the practice', person('sec', 'GENERAL_PRACTICE', '12345', 'ADMINISTRATOR'), invited(), 'ACCEPT', BEFORE, 'FORBIDDEN', /Only a GP/],
    ['after the meeting began', asGp('12345'), invited(), 'ACCEPT', AFTER, 'BAD_USER_INPUT', /answered only before it starts/],
    ['accepting twice', asGp('12345'), { ...invited(), status: 'ACCEPTED' as const }, 'ACCEPT', BEFORE, 'CONFLICT', /already accepted; you cannot accept it now/],
    ['declining twice', asGp('12345'), { ...invited(), status: 'DECLINED' as const }, 'DECLINE', BEFORE, 'CONFLICT', /already declined/],
    ['a withdrawn invitation', asGp('12345'), { ...invited(), status: 'WITHDRAWN' as const }, 'ACCEPT', BEFORE, 'CONFLICT', /has been withdrawn/],
  ] as const)('refuses an answer by %s', (_name, principal, invitation, answer, now, code, message) => {
    const r = refusalOf(() => answerGpInvitation(principal, invitation, answer, consultation, now));
    expect(r).toMatchObject({ code, field: 'invitationId' });
    expect(r.message).toMatch(message);
  });
});

describe('withdrawGpInvitation', () => {
  it('lets the inviting side withdraw before the meeting, once', () => {
    const withdrawn = withdrawGpInvitation(asAdviser(), invited(), booking(), consultation, BEFORE);
    expect(withdrawn).toMatchObject({ status: 'WITHDRAWN', changedBy: 'adviser-1' });
    expect(refusalOf(() => withdrawGpInvitation(ppr751, withdrawn, booking(), consultation, BEFORE)).code).toBe('CONFLICT');
  });

  it('refuses the GP, another municipality, and a withdrawal after the meeting began', () => {
    expect(refusalOf(() => withdrawGpInvitation(asGp('12345'), invited(), booking(), consultation, BEFORE)).code).toBe('FORBIDDEN');
    expect(refusalOf(() => withdrawGpInvitation(asMunicipal('x', 657), invited(), booking(), consultation, BEFORE)).code).toBe('FORBIDDEN');
    expect(refusalOf(() => withdrawGpInvitation(ppr751, invited(), booking(), consultation, DURING)).code).toBe('BAD_USER_INPUT');
  });
});
