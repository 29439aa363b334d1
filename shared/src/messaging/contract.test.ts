import { buildCareCommunicationBundle } from '../fhir/build.ts';
import { newLetter, reply } from '../fhir/fixtures/messages.ts';
import { describe, expect, it } from 'vitest';
import {
  checkPayload,
  checkResponse,
  isMessageKind,
  MESSAGE_CONTRACT,
  MESSAGE_KINDS,
  mayTransmit,
  messageReceivers,
  messageSenders,
  receiversFrom,
  sendersTo,
  sendsMessages,
  receivesMessages,
  type KindsFrom,
  type KindsTo,
  type MessagePayload,
} from './contract.ts';

describe('the message contract', () => {
  it('declares every kind with senders, receivers, a payload schema, an answer schema and a description', () => {
    expect(MESSAGE_KINDS).toEqual(['correspondence-letter', 'correspondence-reply', 'letter-receipt']);
    for (const kind of MESSAGE_KINDS) {
      const definition = MESSAGE_CONTRACT[kind];
      expect(definition.from.length, kind).toBeGreaterThan(0);
      expect(definition.to.length, kind).toBeGreaterThan(0);
      expect(definition.description.length, kind).toBeGreaterThan(40);
      expect(typeof definition.payload.safeParse).toBe('function');
      expect(typeof definition.response.safeParse).toBe('function');
    }
  });

  it('derives who sends and who receives, and so who needs a worker, an endpoint and which keys', () => {
    expect(messageSenders().sort()).toEqual(['general-practice', 'municipality']);
    expect(messageReceivers().sort()).toEqual(['general-practice', 'municipality']);
    expect(sendersTo('municipality')).toEqual(['general-practice']);
    expect(sendersTo('general-practice')).toEqual(['municipality']);
    expect(receiversFrom('general-practice')).toEqual(['municipality']);
    // BUA and screening exchange nothing today: no worker, no endpoint, no key.
    for (const name of ['bua', 'screening', 'pathway'] as const) {
      expect(sendsMessages(name) || receivesMessages(name), name).toBe(false);
      expect(sendersTo(name)).toEqual([]);
    }
  });

  it('lets a kind go only from its senders to its receivers', () => {
    expect(mayTransmit('correspondence-letter', 'general-practice', 'municipality')).toBe(true);
    expect(mayTransmit('correspondence-letter', 'municipality', 'general-practice')).toBe(false);
    expect(mayTransmit('letter-receipt', 'general-practice', 'municipality')).toBe(false);
    expect(mayTransmit('correspondence-reply', 'municipality', 'bua')).toBe(false);
    expect(isMessageKind('care-communication')).toBe(false);
    expect(isMessageKind('toString')).toBe(false);
  });

  it('types what each subgraph may send and must handle', () => {
    const sends: KindsFrom<'municipality'>[] = ['correspondence-reply', 'letter-receipt'];
    const handles: KindsTo<'municipality'>[] = ['correspondence-letter'];
    // @ts-expect-error general practice sends no receipts
    const wrong: KindsFrom<'general-practice'> = 'letter-receipt';
    expect([sends, handles, wrong]).toHaveLength(3);
  });
});

describe('correspondence-letter', () => {
  const valid: MessagePayload<'correspondence-letter'> = {
    bundle: buildCareCommunicationBundle(newLetter),
    ydernummer: '107510',
    step: 'TRIN_1',
    subject: 'Bekymring for trivsel',
  };

  it('accepts the MedCom new-message with the facts beside it, and drops fields the contract does not know', () => {
    const checked = checkPayload('correspondence-letter', { ...valid, extra: 'ignored' });
    expect(checked).toEqual({ ok: true, value: JSON.parse(JSON.stringify(valid)) });
  });

  it('refuses a reply-message, a bundle the MedCom parser refuses, and facts out of range, naming where', () => {
    const problems = (payload: unknown) => {
      const checked = checkPayload('correspondence-letter', payload);
      return checked.ok ? [] : checked.problems;
    };
    expect(problems({ ...valid, bundle: buildCareCommunicationBundle(reply) })).toEqual(['payload.bundle: must be a MedCom new-message, not a reply-message']);
    expect(problems({ ...valid, bundle: { resourceType: 'Bundle', type: 'message', entry: [] } })[0]).toMatch(/^payload\.bundle: /);
    expect(problems({ ...valid, bundle: 'text' })).toEqual(['payload.bundle: must be a FHIR Bundle (a JSON object)']);
    expect(problems({ ...valid, ydernummer: '5790000000005' })).toEqual(['payload.ydernummer: must be 1 to 6 digits (a ydernummer)']);
    expect(problems({ ...valid, step: 'TRIN_3' })[0]).toMatch(/^payload\.step: /);
    expect(problems({ ...valid, subject: ' ' })[0]).toMatch(/^payload\.subject: /);
    expect(problems({ ...valid, subject: 'x'.repeat(201) })[0]).toMatch(/^payload\.subject: /);
    const { step: _omitted, ...withoutStep } = valid;
    expect(problems(withoutStep)[0]).toMatch(/^payload\.step: /);
    // The problems never quote the bundle: it carries the CPR number.
    expect(JSON.stringify(problems({ ...valid, bundle: { ...valid.bundle, type: 'document' } }))).not.toContain(newLetter.patient.cpr);
  });

  it('is answered with the receiving municipality’s reply due date', () => {
    expect(checkResponse('correspondence-letter', { replyDueOn: '2026-12-07' })).toEqual({ ok: true, value: { replyDueOn: '2026-12-07' } });
    expect(checkResponse('correspondence-letter', { replyDueOn: 'next week' }).ok).toBe(false);
    expect(checkResponse('correspondence-letter', {}).ok).toBe(false);
  });
});

describe('correspondence-reply', () => {
  const valid = { bundle: buildCareCommunicationBundle(reply), initiatedItems: ['PPR_ASSESSMENT'], contactCommitment: 'CONTACT_FAMILY', contactOptions: null };

  it('accepts the MedCom reply-message naming the letter, with the structured items', () => {
    expect(checkPayload('correspondence-reply', valid).ok).toBe(true);
    expect(checkPayload('correspondence-reply', { ...valid, contactCommitment: null, contactOptions: 'Åben rådgivning 8940 2000' }).ok).toBe(true);
  });

  it('refuses a new letter, unknown items, no items and a free-text commitment', () => {
    for (const payload of [
      { ...valid, bundle: buildCareCommunicationBundle(newLetter) },
      { ...valid, initiatedItems: ['Samtale med PPR'] },
      { ...valid, initiatedItems: [] },
      { ...valid, contactCommitment: 'Vi kontakter familien.' },
    ]) {
      expect(checkPayload('correspondence-reply', payload).ok, JSON.stringify(payload).slice(-80)).toBe(false);
    }
  });
});

describe('letter-receipt', () => {
  it('says a letter was READ, and when', () => {
    expect(checkPayload('letter-receipt', { letterMessageId: newLetter.messageId, status: 'READ', at: '2026-03-02T10:00:00.000Z' }).ok).toBe(true);
    expect(checkPayload('letter-receipt', { letterMessageId: newLetter.messageId, status: 'READ', at: '2026-03-02T11:00:00+01:00' }).ok).toBe(true);
    expect(checkPayload('letter-receipt', { letterMessageId: newLetter.messageId, status: 'ANSWERED', at: '2026-03-02T10:00:00Z' }).ok).toBe(false);
    expect(checkPayload('letter-receipt', { letterMessageId: '', status: 'READ', at: '2026-03-02T10:00:00Z' }).ok).toBe(false);
    expect(checkPayload('letter-receipt', { letterMessageId: 'm', status: 'READ', at: 'yesterday' }).ok).toBe(false);
  });
});
