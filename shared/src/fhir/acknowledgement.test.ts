import { describe, expect, it } from 'vitest';
import { buildAcknowledgementBundle, issueDetail, parseAcknowledgementBundle, type AcknowledgementMessage } from './acknowledgement.ts';
import { buildCareCommunicationBundle, provenanceId } from './build.ts';
import { checkAcknowledgement, describe as describeFinding } from './conformance/validate.ts';
import { expectRefused } from './fixtures/expect-refused.ts';
import { newLetter } from './fixtures/messages.ts';

type Json = Record<string, unknown>;
const wire = (value: unknown) => JSON.parse(JSON.stringify(value)) as Json;

/** The municipality's Acknowledgement of the synthetic letter. */
const ok: AcknowledgementMessage = {
  bundleId: '1b7f3c2e-9a4d-4e6b-8c1f-2d3e4f5a6b7c',
  messageId: '7c6b5a4f-3e2d-4c1b-9a8f-7e6d5c4b3a21',
  sentAt: '2026-03-02T09:16:00+01:00',
  sender: newLetter.receiver,
  receiver: newLetter.sender,
  code: 'ok',
  issues: [],
  acknowledged: {
    messageId: newLetter.messageId,
    provenanceId: provenanceId(newLetter.messageId),
    activity: 'new-message',
    occurredAt: newLetter.sentAt,
    by: 'receiver',
    segmentIds: newLetter.payloads.map((p) => p.id),
  },
};
const refused: AcknowledgementMessage = {
  ...ok,
  code: 'fatal-error',
  issues: [{ severity: 'error', code: 'not-found', detail: issueDetail('MSG_Receiver_Identifier_UNKNOWN'), text: 'No municipal inbox has the receiver location number.' }],
};

describe('MedCom Acknowledgement', () => {
  it.each([
    ['ok', ok],
    ['fatal-error with MedCom’s issue code', refused],
    ['transient-error described in text only', { ...ok, code: 'transient-error', issues: [{ severity: 'error', code: 'transient', text: 'The inbox is closed for maintenance; send again later.' }] }],
  ] as Array<[string, AcknowledgementMessage]>)('%s: breaks no rule of Acknowledgement 2.0 and reads back unchanged', (_name, ack) => {
    const bundle = wire(buildAcknowledgementBundle(ack));
    expect(checkAcknowledgement(bundle).map(describeFinding)).toEqual([]);
    expect(parseAcknowledgementBundle(bundle)).toStrictEqual(ack);
  });

  it('answers with a new MessageHeader, the original MessageHeader.id in response.identifier and both Provenance', () => {
    const bundle = buildAcknowledgementBundle(refused);
    const resources = bundle.entry.map((e) => e.resource);
    expect(resources.map((r) => r.resourceType)).toEqual(['MessageHeader', 'Provenance', 'Provenance', 'Organization', 'Organization', 'OperationOutcome']);
    expect(resources[0]).toMatchObject({
      id: refused.messageId,
      eventCoding: { code: 'acknowledgement-message' },
      destination: [{ endpoint: `https://sor2.sum.dsdn.dk/#id=${newLetter.sender.sorCode}` }],
      response: { identifier: newLetter.messageId, code: 'fatal-error', details: { reference: `OperationOutcome/${resources[5]!.id}` } },
    });
    // The copy of the letter's Provenance has the id the letter gave it; the Acknowledgement's own names the letter.
    const letterProvenance = buildCareCommunicationBundle(newLetter).entry.find((e) => e.resource.resourceType === 'Provenance')!.resource;
    expect(resources[1]).toMatchObject({ id: letterProvenance.id, target: [{ reference: `MessageHeader/${newLetter.messageId}` }] });
    expect(resources[2]).toMatchObject({
      target: [{ reference: `MessageHeader/${refused.messageId}` }],
      activity: { coding: [{ code: 'acknowledgement' }] },
      entity: [{ role: 'revision', what: { reference: `MessageHeader/${newLetter.messageId}` } }],
    });
    expect(resources[0]!.text.div).toContain('No municipal inbox has the receiver location number.');
  });

  it('refuses to build an error without its description, and reads no Acknowledgement that does not say what it acknowledges', () => {
    expect(() => buildAcknowledgementBundle({ ...ok, code: 'fatal-error' })).toThrow(/must describe the error/);
    const bundle = wire(buildAcknowledgementBundle(ok));
    const header = (bundle['entry'] as Json[])[0]!['resource'] as Json;
    const cases: Array<[(b: Json) => void, string]> = [
      [(b) => delete ((b['entry'] as Json[])[0]!['resource'] as Json)['response'], 'MessageHeader.response'],
      [(b) => ((((b['entry'] as Json[])[0]!['resource'] as Json)['response'] as Json)['code'] = 'AA'), 'MessageHeader.response.code'],
      [(b) => ((((b['entry'] as Json[])[0]!['resource'] as Json)['response'] as Json)['code'] = 'fatal-error'), 'MessageHeader.response.details'],
      [(b) => ((((b['entry'] as Json[])[0]!['resource'] as Json)['eventCoding'] as Json)['code'] = 'care-communication-message'), 'MessageHeader.eventCoding'],
      [(b) => (b['entry'] = (b['entry'] as Json[]).filter((_e, i) => i !== 1)), 'Bundle.entry[Provenance]'],
    ];
    expect(header['id']).toBe(ok.messageId);
    for (const [mutate, element] of cases) {
      const copy = structuredClone(bundle);
      mutate(copy);
      expect(expectRefused(() => parseAcknowledgementBundle(copy)).extensions['element']).toBe(element);
    }
  });
});
