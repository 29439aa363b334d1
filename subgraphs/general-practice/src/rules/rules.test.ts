import { MUNICIPALITY_INBOXES, parseCareCommunicationBundle, buildCareCommunicationBundle } from '@pathway-graph/shared';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isOverdue, replyDueDate, replyWorkingDays } from './deadline.ts';
import { ACUTE_MESSAGE, MAX_TEXT_LENGTH, NOTIFICATION_MESSAGE, validateLetter, type LetterInput } from './letter.ts';
import { letterMessage } from './message.ts';
import { nextStatus } from './status.ts';

const TODAY = '2026-06-01';
/** Born 2015-03-04 (11 on TODAY): a custody holder consents. */
const CHILD_CPR = '0403154321';
const AARHUS = MUNICIPALITY_INBOXES.find((m) => m.code === 751)!;

const input = (overrides: Partial<LetterInput> = {}): LetterInput => ({
  messageId: '0197a1c2-0000-7000-8000-000000000001',
  cpr: CHILD_CPR,
  municipalityCode: 751,
  category: 'OTHER',
  topic: 'Mistrivsel',
  subject: 'Bekymring for trivsel',
  text: 'Pigen har i tre måneder haft ondt i maven og vil ikke i skole.',
  step: 'TRIN_1',
  consent: { givenBy: 'CUSTODY_HOLDER', givenOn: '2026-05-28' },
  signature: { name: 'Mette Lund', title: 'Praktiserende læge', phone: '86 12 34 56' },
  ...overrides,
});

function refusal(overrides: Partial<LetterInput>): { message: string; field: unknown; code: unknown } {
  try {
    validateLetter(input(overrides), { today: TODAY });
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    const e = error as GraphQLError;
    return { message: e.message, field: e.extensions['field'], code: e.extensions['code'] };
  }
  throw new Error('expected a refusal');
}

describe('validateLetter', () => {
  it('normalises a valid letter: CPR digits, birth date, the inbox, the MedCom category code', () => {
    const letter = validateLetter(input({ cpr: '040315-4321', inboxLocationNumber: AARHUS.inboxLocationNumber }), { today: TODAY });
    expect(letter).toMatchObject({ cpr: CHILD_CPR, birthDate: '2015-03-04', category: 'other', step: 'TRIN_1', topic: 'Mistrivsel' });
    expect(letter.recipient).toEqual(AARHUS);
    expect(validateLetter(input({ municipalityCode: null, inboxLocationNumber: AARHUS.inboxLocationNumber }), { today: TODAY }).recipient.code).toBe(751);
    expect(validateLetter(input({ topic: null }), { today: TODAY }).topic).toBe('Bekymring for trivsel');
  });

  it.each([
    [{ cpr: '12345' }, 'cpr', /CPR number must be 10 digits/],
    [{ cpr: '3102154321' }, 'cpr', /impossible date/],
    [{ cpr: '0101304321' }, 'cpr', /not yet born/],
    [{ cpr: '0101084321' }, 'cpr', /18 or older on 2026-06-01/],
    [{ consent: null }, 'consent', /consent is required/],
    [{ consent: { givenBy: 'YOUNG_PERSON', givenOn: '2026-05-28' } }, 'consent.givenBy', /custody holder .* must give the consent/],
    [{ consent: { givenBy: 'CUSTODY_HOLDER', givenOn: '2026-06-02' } }, 'consent.givenOn', /in the future/],
    [{ municipalityCode: 999 }, 'municipalityCode', /Unknown municipality code 999/],
    [{ municipalityCode: null, inboxLocationNumber: '5790000000005' }, 'inboxLocationNumber', /No municipality inbox has location number 5790000000005/],
    [{ municipalityCode: null, inboxLocationNumber: '5790000000001' }, 'inboxLocationNumber', /check digit/],
    [{ municipalityCode: null }, 'municipalityCode', /municipalityCode or inboxLocationNumber/],
    [{ municipalityCode: 657, inboxLocationNumber: AARHUS.inboxLocationNumber }, 'inboxLocationNumber', /not of municipality 657/],
    [{ text: '   ' }, 'text', /text is empty/],
    [{ text: 'x'.repeat(MAX_TEXT_LENGTH + 1) }, 'text', /at most 10000/],
    [{ subject: '' }, 'subject', /subject is empty/],
    [{ step: 'TRIN_3' }, 'step', /TRIN_1 or TRIN_2/],
    [{ category: 'nonsense' }, 'category', /MedCom CareCommunication category/],
    [{ messageId: 'has spaces' }, 'messageId', /messageId/],
    [{ messageId: '0707614286' }, 'messageId', /must not look like a CPR number/],
    [{ messageId: 'letter-070761-4286' }, 'messageId', /must not look like a CPR number/],
    [{ signature: { name: 'Mette Lund', title: 'Læge', phone: 'call me' } }, 'signature.phone', /phone number/],
  ] as const)('refuses %j on %s', (overrides, field, message) => {
    const r = refusal(overrides as Partial<LetterInput>);
    expect(r.code).toBe('BAD_USER_INPUT');
    expect(r.field).toBe(field);
    expect(r.message).toMatch(message);
  });

  it('accepts the young person\'s own consent from 15 and text of exactly the limit', () => {
    const sixteen = validateLetter(
      input({ cpr: '0101104321', consent: { givenBy: 'YOUNG_PERSON', givenOn: '2026-05-01' }, text: 'x'.repeat(MAX_TEXT_LENGTH) }),
      { today: TODAY },
    );
    expect(sixteen.text).toHaveLength(MAX_TEXT_LENGTH);
  });

  it('refuses a child-welfare notification, by flag or purpose, pointing at the notification channel, before anything else', () => {
    for (const overrides of [{ isChildWelfareNotification: true }, { purpose: 'CHILD_WELFARE_NOTIFICATION' as const, cpr: 'bad' }]) {
      const r = refusal(overrides);
      expect(r.message).toBe(NOTIFICATION_MESSAGE);
      expect(r.message).toMatch(/usual notification channel/);
      expect(r.message).toMatch(/can never be sent as a correspondence letter/);
    }
  });

  it('refuses an acute letter (flag, ASAP priority or acute-ambulant category) with the emergency instructions', () => {
    for (const [overrides, field] of [
      [{ acute: true }, 'acute'],
      [{ priority: 'ASAP' as const }, 'priority'],
      [{ category: 'ACUTE_AMBULANT' }, 'category'],
    ] as const) {
      const r = refusal(overrides);
      expect(r.field).toBe(field);
      expect(r.message).toBe(ACUTE_MESSAGE);
      expect(r.message).toMatch(/phone the psychiatric emergency service/);
      expect(r.message).toMatch(/referral directly to .*BUA/);
      expect(r.message).toMatch(/notification/);
    }
  });
});

describe('nextStatus', () => {
  it('moves forward QUEUED -> DELIVERED -> READ -> ANSWERED and ignores late or repeated receipts', () => {
    expect(nextStatus('QUEUED', 'DELIVERED')).toBe('DELIVERED');
    expect(nextStatus('DELIVERED', 'READ')).toBe('READ');
    expect(nextStatus('READ', 'ANSWERED')).toBe('ANSWERED');
    expect(nextStatus('QUEUED', 'READ')).toBe('READ');
    expect(nextStatus('READ', 'DELIVERED')).toBeNull();
    expect(nextStatus('ANSWERED', 'READ')).toBeNull();
    expect(nextStatus('READ', 'READ')).toBeNull();
  });
  it('fails from any state, retries only a failed letter, and lets a receipt after failure through', () => {
    expect(nextStatus('QUEUED', 'FAILED')).toBe('FAILED');
    expect(nextStatus('DELIVERED', 'FAILED')).toBe('FAILED');
    expect(nextStatus('FAILED', 'FAILED')).toBeNull();
    expect(nextStatus('FAILED', 'RETRY')).toBe('QUEUED');
    expect(nextStatus('QUEUED', 'RETRY')).toBeNull();
    expect(nextStatus('FAILED', 'DELIVERED')).toBe('DELIVERED');
  });
  it('gives up only a failed letter, for good, unless a receipt shows it got through after all', () => {
    expect(nextStatus('FAILED', 'GIVE_UP')).toBe('GIVEN_UP');
    for (const status of ['QUEUED', 'DELIVERED', 'READ', 'ANSWERED', 'GIVEN_UP'] as const) expect(nextStatus(status, 'GIVE_UP')).toBeNull();
    expect(nextStatus('GIVEN_UP', 'RETRY')).toBeNull();
    expect(nextStatus('GIVEN_UP', 'FAILED')).toBeNull();
    expect(nextStatus('GIVEN_UP', 'DELIVERED')).toBe('DELIVERED');
    expect(nextStatus('GIVEN_UP', 'ANSWERED')).toBe('ANSWERED');
  });
});

describe('reply deadline', () => {
  it('counts working days: Monday to Friday, skipping the days Danish public offices are closed', () => {
    expect(replyDueDate('2026-06-01', 10)).toBe('2026-06-16'); // Monday + 10 working days, Grundlovsdag (5 June) skipped
    expect(replyDueDate('2026-06-04', 1)).toBe('2026-06-08'); // Thursday + 1 = Monday: Friday is Grundlovsdag
    expect(replyDueDate('2026-06-06', 1)).toBe('2026-06-08'); // Saturday + 1 = Monday
    expect(replyDueDate('2026-12-30', 3)).toBe('2027-01-06'); // New Year's Eve and New Year's Day are closed
    expect(replyDueDate('2026-06-03', 0)).toBe('2026-06-03');
  });
  it('is configurable per municipality, default 10', () => {
    expect(replyWorkingDays(751)).toBe(10);
    expect(replyWorkingDays(657)).toBe(5);
  });
  it('flags a letter overdue the day after the due day, unless answered or failed', () => {
    expect(isOverdue('DELIVERED', '2026-06-15', '2026-06-15')).toBe(false);
    expect(isOverdue('DELIVERED', '2026-06-15', '2026-06-16')).toBe(true);
    expect(isOverdue('QUEUED', '2026-06-15', '2026-06-16')).toBe(true);
    expect(isOverdue('ANSWERED', '2026-06-15', '2026-07-16')).toBe(false);
    expect(isOverdue('FAILED', '2026-06-15', '2026-07-16')).toBe(false);
  });
});

const IDS = ['6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f', '7a2b3c4d-5e6f-4a7b-9c8d-1e2f3a4b5c6d', '8b3c4d5e-6f7a-4b8c-a9d0-2f3a4b5c6d7e', '9c4d5e6f-7a8b-4c9d-b0e1-3a4b5c6d7e8f'] as const;

describe('letterMessage', () => {
  it('builds a CareCommunication that parses back to the same message', () => {
    const message = letterMessage(
      {
        id: '0197a1c2-0000-7000-8000-0000000000aa',
        messageId: 'm-1',
        cpr: CHILD_CPR,
        category: 'other',
        topic: 'Mistrivsel',
        text: 'Tekst <med> & tegn',
        sentAt: '2026-06-01T08:00:00.000Z',
        recipientMunicipalityCode: 751,
        recipientInboxGln: AARHUS.inboxLocationNumber,
        recipientInboxName: AARHUS.inboxName,
        signatureName: 'Mette Marie Lund',
        signatureTitle: 'Praktiserende læge',
        signaturePhone: '86123456',
      },
      { ydernummer: '107510', name: 'Lægehuset', locationNumber: '5790009975100' },
      { headerId: IDS[0], bundleId: IDS[1], conversationId: IDS[2], segmentId: IDS[3] },
      { givenNames: 'Alma Marie', familyName: 'Testbarn' },
    );
    const bundle = JSON.parse(JSON.stringify(buildCareCommunicationBundle(message))) as unknown;
    expect(parseCareCommunicationBundle(bundle).message).toEqual(message);
    // MedCom's identifiers are the fresh UUIDs given; the child's official name and the GP's phone as + and digits.
    expect(message).toMatchObject({ messageId: IDS[0], bundleId: IDS[1], conversationId: `urn:uuid:${IDS[2]}`, patient: { name: { given: ['Alma Marie'], family: 'Testbarn' } } });
    expect(message.payloads[0]).toMatchObject({ id: `urn:uuid:${IDS[3]}`, authorContact: { system: 'phone', value: '+4586123456' } });
    expect(message.payloads[0]!.author?.role).toMatchObject({ code: 'laege' });
  });
});
