import { describe, expect, it } from 'vitest';
import { replyLetterText, validateReply } from './reply.ts';

const known = { knownToMunicipality: true };
const unknown = { knownToMunicipality: false };

function fieldOf(fn: () => unknown): { field: unknown; message: string; code: unknown } {
  try {
    fn();
  } catch (e) {
    const ext = (e as { extensions: Record<string, unknown> }).extensions;
    return { field: ext['field'], message: (e as Error).message, code: ext['code'] };
  }
  throw new Error('expected a refusal');
}

describe('validateReply', () => {
  it('accepts a known child’s reply with a contact commitment, normalising the items', () => {
    expect(
      validateReply({ initiated: ['FAMILY_GUIDANCE', 'PPR_ASSESSMENT', 'PPR_ASSESSMENT'], text: '  Vi tager kontakt. ', contactCommitment: 'CONTACT_FAMILY' }, known),
    ).toEqual({ initiated: ['PPR_ASSESSMENT', 'FAMILY_GUIDANCE'], text: 'Vi tager kontakt.', contactCommitment: 'CONTACT_FAMILY', contactOptions: null });
  });

  it('requires a contact commitment when the child is known', () => {
    const r = fieldOf(() => validateReply({ initiated: ['PPR_ASSESSMENT'] }, known));
    expect(r).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contactCommitment' });
    expect(r.message).toMatch(/known to the municipality/);
    expect(fieldOf(() => validateReply({ initiated: ['PPR_ASSESSMENT'], contactCommitment: 'CALL_LATER' }, known)).field).toBe('contactCommitment');
    expect(
      fieldOf(() => validateReply({ initiated: ['PPR_ASSESSMENT'], contactCommitment: 'CONTACT_GP', contactOptions: 'Ring til rådgivningen' }, known)).field,
    ).toBe('contactOptions');
  });

  it('requires contact options, and no commitment, when the child is not known', () => {
    expect(validateReply({ initiated: ['NO_ACTION_NEEDED'], contactOptions: 'Åben rådgivning: 87 13 00 00, hverdage 9-12' }, unknown)).toMatchObject({
      contactCommitment: null,
      contactOptions: 'Åben rådgivning: 87 13 00 00, hverdage 9-12',
    });
    const r = fieldOf(() => validateReply({ initiated: ['NO_ACTION_NEEDED'] }, unknown));
    expect(r.field).toBe('contactOptions');
    expect(r.message).toMatch(/not known to the municipality/);
    expect(fieldOf(() => validateReply({ initiated: ['NO_ACTION_NEEDED'], contactCommitment: 'CONTACT_FAMILY', contactOptions: 'Ring til os på 1234' }, unknown)).field).toBe(
      'contactCommitment',
    );
  });

  it('needs at least one known item, OTHER with a text, and NO_ACTION_NEEDED alone', () => {
    expect(fieldOf(() => validateReply({ initiated: [], contactCommitment: 'CONTACT_GP' }, known))).toMatchObject({ field: 'initiated' });
    expect(fieldOf(() => validateReply({ initiated: ['MAGIC'], contactCommitment: 'CONTACT_GP' }, known)).message).toMatch(/unknown items MAGIC/);
    expect(fieldOf(() => validateReply({ initiated: ['OTHER'], contactCommitment: 'CONTACT_GP' }, known)).field).toBe('text');
    expect(fieldOf(() => validateReply({ initiated: ['NO_ACTION_NEEDED', 'PPR_ASSESSMENT'], contactCommitment: 'CONTACT_GP' }, known)).field).toBe(
      'initiated',
    );
  });

  it('limits the free text', () => {
    expect(fieldOf(() => validateReply({ initiated: ['PPR_ASSESSMENT'], text: 'x'.repeat(4001), contactCommitment: 'CONTACT_GP' }, known)).field).toBe('text');
    expect(fieldOf(() => validateReply({ initiated: ['PPR_ASSESSMENT'], contactOptions: 'y'.repeat(2001) }, unknown)).field).toBe('contactOptions');
  });
});

describe('replyLetterText', () => {
  it('writes the items, the text and the commitment for the GP', () => {
    const text = replyLetterText(validateReply({ initiated: ['PPR_ASSESSMENT'], text: 'Samtale i uge 12.', contactCommitment: 'CONTACT_FAMILY' }, known));
    expect(text).toBe('Iværksat: PPR-vurdering.\n\nSamtale i uge 12.\n\nKommunen kontakter familien for at afklare det videre forløb.');
  });
});
