import { buildAcknowledgementBundle } from '../fhir/acknowledgement.ts';
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
    expect(MESSAGE_KINDS).toEqual([
      'correspondence-letter',
      'letter-acknowledgement',
      'correspondence-reply',
      'reply-acknowledgement',
      'letter-receipt',
      'bua-referral',
      'bua-referral-status',
      'referral-further-course',
      'municipal-intervention',
      'medication-agreement-proposal',
      'medication-agreement-response',
      'transition-plan',
      'relative-registration',
    ]);
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
    expect(messageSenders().sort()).toEqual(['general-practice', 'municipality', 'screening']);
    expect(messageReceivers().sort()).toEqual(['general-practice', 'municipality']);
    expect(sendersTo('municipality').sort()).toEqual(['general-practice', 'screening']);
    expect(sendersTo('general-practice')).toEqual(['municipality']);
    expect(receiversFrom('general-practice')).toEqual(['municipality']);
    // Screening sends track-3 registrations to the municipality and receives nothing: a worker and a key, no endpoint.
    expect(receiversFrom('screening')).toEqual(['municipality']);
    expect(sendsMessages('screening') && !receivesMessages('screening')).toBe(true);
    expect(sendersTo('screening')).toEqual([]);
    // BUA exchanges nothing today: no worker, no endpoint, no key.
    for (const name of ['bua', 'pathway'] as const) {
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
    const sends: KindsFrom<'municipality'>[] = ['correspondence-reply', 'letter-receipt', 'letter-acknowledgement'];
    const handles: KindsTo<'municipality'>[] = ['correspondence-letter', 'reply-acknowledgement'];
    // @ts-expect-error general practice sends no receipts
    const wrong: KindsFrom<'general-practice'> = 'letter-receipt';
    expect([sends, handles, wrong]).toHaveLength(3);
  });
});

describe('correspondence-letter', () => {
  const valid: MessagePayload<'correspondence-letter'> = {
    bundle: JSON.stringify(buildCareCommunicationBundle(newLetter)),
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
    expect(problems({ ...valid, bundle: JSON.stringify(buildCareCommunicationBundle(reply)) })).toEqual(['payload.bundle: must be a MedCom new-message, not a reply-message']);
    expect(problems({ ...valid, bundle: JSON.stringify({ resourceType: 'Bundle', type: 'message', entry: [] }) })[0]).toMatch(/^payload\.bundle: /);
    expect(problems({ ...valid, bundle: 'text' })).toEqual(['payload.bundle: must be a MedCom CareCommunication Bundle as JSON text']);
    // The bundle travels as its bytes: a JSON object in its place is refused.
    expect(problems({ ...valid, bundle: buildCareCommunicationBundle(newLetter) })[0]).toMatch(/^payload\.bundle: /);
    expect(problems({ ...valid, ydernummer: '5790000000005' })).toEqual(['payload.ydernummer: must be 1 to 6 digits (a ydernummer)']);
    expect(problems({ ...valid, step: 'TRIN_3' })[0]).toMatch(/^payload\.step: /);
    expect(problems({ ...valid, subject: ' ' })[0]).toMatch(/^payload\.subject: /);
    expect(problems({ ...valid, subject: 'x'.repeat(201) })[0]).toMatch(/^payload\.subject: /);
    const { step: _omitted, ...withoutStep } = valid;
    expect(problems(withoutStep)[0]).toMatch(/^payload\.step: /);
    // The problems never quote the bundle: it carries the CPR number.
    const asDocument = JSON.stringify({ ...buildCareCommunicationBundle(newLetter), type: 'document' });
    expect(JSON.stringify(problems({ ...valid, bundle: asDocument }))).not.toContain(newLetter.patient.cpr!);
  });

  it('is answered with nothing beyond "stored": its MedCom Acknowledgement is a message of its own', () => {
    expect(checkResponse('correspondence-letter', { replyDueOn: '2026-12-07' })).toEqual({ ok: true, value: {} });
  });
});

describe('correspondence-reply', () => {
  const valid = { bundle: JSON.stringify(buildCareCommunicationBundle(reply)), initiatedItems: ['PPR_ASSESSMENT'], contactCommitment: 'CONTACT_FAMILY', contactOptions: null };

  it('accepts the MedCom reply-message naming the letter, with the structured items', () => {
    expect(checkPayload('correspondence-reply', valid).ok).toBe(true);
    expect(checkPayload('correspondence-reply', { ...valid, contactCommitment: null, contactOptions: 'Åben rådgivning 8940 2000' }).ok).toBe(true);
  });

  it('refuses a new letter, unknown items, no items and a free-text commitment', () => {
    for (const payload of [
      { ...valid, bundle: JSON.stringify(buildCareCommunicationBundle(newLetter)) },
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

describe('relative-registration', () => {
  const valid: MessagePayload<'relative-registration'> = {
    registrationId: '0190f5a2-7c3e-7a01-8b2c-3d4e5f607182',
    childId: `ch_${'a1'.repeat(16)}`,
    birthDate: '2015-04-02',
    municipalityCode: 751,
    relation: 'PARENT',
    registeredOn: '2026-11-20',
    patientConsentOn: '2026-11-20',
    departmentSorCode: '9990031000016003',
    contact: { name: 'Demo Adult Psychiatry Clinician', phone: '+45 70 00 00 00' },
  };

  it('goes from screening to the municipality only', () => {
    expect(mayTransmit('relative-registration', 'screening', 'municipality')).toBe(true);
    expect(mayTransmit('relative-registration', 'screening', 'general-practice')).toBe(false);
    expect(mayTransmit('relative-registration', 'general-practice', 'municipality')).toBe(false);
  });

  it('names the child by pseudonym and the relation, and nothing that identifies the adult patient', () => {
    expect(checkPayload('relative-registration', valid).ok).toBe(true);
    expect(checkPayload('relative-registration', { ...valid, contact: { ...valid.contact, phone: null } }).ok).toBe(true);
    // Fields the contract does not know are stripped, so a sender cannot smuggle the patient's CPR number through.
    const stripped = checkPayload('relative-registration', { ...valid, patientCpr: '0101801234' });
    expect(stripped.ok && !('patientCpr' in stripped.value)).toBe(true);
  });

  it('refuses a CPR number for the child, a municipality outside the region, an unknown relation and a bad date', () => {
    for (const payload of [
      { ...valid, childId: '0101151234' },
      { ...valid, municipalityCode: 101 },
      { ...valid, relation: 'GRANDPARENT' },
      { ...valid, patientConsentOn: 'yesterday' },
      { ...valid, departmentSorCode: 'ABC' },
    ]) {
      expect(checkPayload('relative-registration', payload).ok, JSON.stringify(payload).slice(0, 80)).toBe(false);
    }
  });

  it('is answered with the day the municipality received it', () => {
    expect(checkResponse('relative-registration', { receivedOn: '2026-11-21' }).ok).toBe(true);
    expect(checkResponse('relative-registration', {}).ok).toBe(false);
  });
});

describe('letter-acknowledgement and reply-acknowledgement', () => {
  const ack = (code: 'ok' | 'fatal-error') =>
    JSON.stringify(
      buildAcknowledgementBundle({
        bundleId: '0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d',
        messageId: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
        sentAt: '2026-03-02T09:16:00+01:00',
        sender: newLetter.receiver,
        receiver: newLetter.sender,
        code,
        issues: code === 'ok' ? [] : [{ severity: 'error', code: 'not-found', text: 'No inbox has the receiver location number.' }],
        acknowledged: { messageId: newLetter.messageId, activity: 'new-message', occurredAt: newLetter.sentAt, by: 'receiver', segmentIds: [] },
      }),
    );

  it('carry a MedCom Acknowledgement as JSON text, the municipality’s beside it the reply due date', () => {
    expect(checkPayload('letter-acknowledgement', { bundle: ack('ok'), replyDueOn: '2026-03-16' }).ok).toBe(true);
    expect(checkPayload('letter-acknowledgement', { bundle: ack('fatal-error'), replyDueOn: null }).ok).toBe(true);
    expect(checkPayload('reply-acknowledgement', { bundle: ack('ok') }).ok).toBe(true);
    expect(mayTransmit('letter-acknowledgement', 'municipality', 'general-practice')).toBe(true);
    expect(mayTransmit('reply-acknowledgement', 'general-practice', 'municipality')).toBe(true);
    expect(mayTransmit('letter-acknowledgement', 'general-practice', 'municipality')).toBe(false);
  });

  it('refuse a CareCommunication in place of the Acknowledgement, naming the element', () => {
    const checked = checkPayload('reply-acknowledgement', { bundle: JSON.stringify(buildCareCommunicationBundle(newLetter)) });
    expect(checked.ok ? [] : checked.problems).toEqual([expect.stringMatching(/^payload\.bundle: .*MessageHeader\.eventCoding/)]);
  });
});
