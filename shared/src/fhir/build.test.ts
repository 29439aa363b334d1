import { describe, expect, it } from 'vitest';
import { buildCareCommunicationBundle, DEFAULT_FULL_URL_BASE } from './build.ts';
import { EVENT_CODE, MESSAGE_DEFINITION, SYSTEM } from './constants.ts';
import type { FhirBundle, FhirBundleResource, FhirCommunication, FhirOrganization, FhirProvenance } from './fhir-types.ts';
import { EXAMPLE_FILES, loadExample } from './fixtures/examples.ts';
import { expectRefused } from './fixtures/expect-refused.ts';
import { newLetter, reply } from './fixtures/messages.ts';
import { parseCareCommunicationBundle } from './parse.ts';
import type { CareCommunicationMessage } from './types.ts';

/** What the receiving subgraph gets: the bundle serialised and read back. */
const overTheWire = (bundle: FhirBundle): unknown => JSON.parse(JSON.stringify(bundle));

function only<T extends FhirBundleResource['resourceType']>(bundle: FhirBundle, resourceType: T) {
  const found = bundle.entry.map((entry) => entry.resource).filter((resource) => resource.resourceType === resourceType);
  expect(found).toHaveLength(1);
  return found[0] as Extract<FhirBundleResource, { resourceType: T }>;
}

const provenances = (bundle: FhirBundle) =>
  bundle.entry.map((entry) => entry.resource).filter((resource): resource is FhirProvenance => resource.resourceType === 'Provenance');

function resolve(bundle: FhirBundle, reference: string): FhirBundleResource | undefined {
  return bundle.entry.find((entry) => entry.fullUrl.endsWith(`/${reference}`))?.resource;
}

describe('buildCareCommunicationBundle', () => {
  it('builds a MedCom message bundle: MessageHeader first, addressed by SOR endpoint and organisation', () => {
    const bundle = buildCareCommunicationBundle(newLetter);
    expect(bundle).toMatchObject({ resourceType: 'Bundle', id: newLetter.bundleId, type: 'message', timestamp: newLetter.sentAt });
    const header = bundle.entry[0]?.resource;
    expect(header).toMatchObject({
      resourceType: 'MessageHeader',
      id: newLetter.messageId,
      eventCoding: { system: SYSTEM.eventCodes, code: EVENT_CODE },
      definition: MESSAGE_DEFINITION,
      source: { endpoint: `https://sor2.sum.dsdn.dk/#id=${newLetter.sender.sorCode}` },
      destination: [{ endpoint: `https://sor2.sum.dsdn.dk/#id=${newLetter.receiver.sorCode}` }],
    });
    if (header?.resourceType !== 'MessageHeader') throw new Error('unreachable');
    const receiver = resolve(bundle, header.destination[0]!.receiver.reference) as FhirOrganization;
    // DK Core fixes `use` of the SOR, EAN and CPR identifiers to official.
    expect(receiver.identifier).toEqual([
      { use: 'official', system: 'https://www.gs1.org/gln', value: newLetter.receiver.gln },
      { use: 'official', system: 'urn:oid:1.2.208.176.1.1', value: newLetter.receiver.sorCode },
    ]);
    expect(resolve(bundle, header.sender.reference)).toMatchObject({ name: newLetter.sender.name });
    expect(only(bundle, 'Patient')).toMatchObject({
      identifier: [{ use: 'official', system: 'urn:oid:1.2.208.176.1.2', value: newLetter.patient.cpr }],
      name: [{ use: 'official', family: 'Testesen', given: ['Alma'] }],
    });
  });

  it('puts the letter in the Communication with MedCom’s payload extensions', () => {
    const communication: FhirCommunication = only(buildCareCommunicationBundle(newLetter), 'Communication');
    expect(communication).toMatchObject({
      status: 'unknown',
      identifier: [{ value: newLetter.conversationId }],
      category: [{ coding: [{ system: SYSTEM.categoryCodes, code: 'psychiatry-social-disability' }] }],
      topic: { text: 'Bekymring for trivsel' },
    });
    const [payload] = communication.payload;
    expect(payload?.contentString).toBe(newLetter.payloads[0]?.text);
    expect(payload?.extension.map((extension) => extension.url)).toEqual([
      'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-datetime-extension',
      'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-identifier-extension',
      'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-practitioner-extension',
      'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-contact-extension',
    ]);
  });

  it('escapes the letter’s text in the narrative', () => {
    const { text } = only(buildCareCommunicationBundle(newLetter), 'Communication');
    expect(text.div).toContain('&lt;Forældrene&gt; samtykker &amp; ønsker');
    expect(text.div).not.toContain('<Forældrene>');
  });

  it('gives a new message a new-message Provenance naming its segments', () => {
    const provenance: FhirProvenance = only(buildCareCommunicationBundle(newLetter), 'Provenance');
    expect(provenance).toMatchObject({
      target: [{ reference: `MessageHeader/${newLetter.messageId}` }],
      activity: { coding: [{ system: SYSTEM.activityCodes, code: 'new-message' }] },
      entity: [{ role: 'source', what: { identifier: { value: newLetter.payloads[0]?.id } } }],
    });
  });

  it('points a reply’s Provenance at the MessageHeader of the letter it answers', () => {
    const letter = buildCareCommunicationBundle(newLetter);
    const provenance = provenances(buildCareCommunicationBundle(reply))[0]!;
    expect(provenance.activity.coding).toEqual([{ system: SYSTEM.activityCodes, code: 'reply-message' }]);
    const revision = provenance.entity.filter((entity) => entity.role === 'revision');
    expect(revision).toEqual([{ role: 'revision', what: { reference: `MessageHeader/${letter.entry[0]?.resource.id}` } }]);
    // Only the reply's own segment is named as added by this message; the quoted letter is not.
    expect(provenance.entity.filter((entity) => entity.role === 'source')).toEqual([
      { role: 'source', what: { identifier: { value: reply.payloads[0]?.id } } },
    ]);
  });

  it('repeats the letter’s Provenance after its own, its agent the GP practice of this bundle', () => {
    const bundle = buildCareCommunicationBundle(reply);
    const [own, letter] = provenances(bundle);
    expect(own!.target).toEqual([{ reference: `MessageHeader/${reply.messageId}` }]);
    expect(letter).toMatchObject({
      id: reply.history![0]!.provenanceId,
      target: [{ reference: `MessageHeader/${newLetter.messageId}` }],
      occurredDateTime: newLetter.sentAt,
      activity: { coding: [{ system: SYSTEM.activityCodes, code: 'new-message' }] },
      entity: [{ role: 'source', what: { identifier: { value: newLetter.payloads[0]!.id } } }],
    });
    expect(resolve(bundle, letter!.agent[0]!.who.reference)).toMatchObject({ name: newLetter.sender.name });
  });

  it('keeps a resent message’s Provenance at the time it was first sent', () => {
    const resent = buildCareCommunicationBundle({ ...newLetter, sentAt: '2026-03-02T09:45:00+01:00', firstSentAt: newLetter.sentAt });
    expect(resent.timestamp).toBe('2026-03-02T09:45:00+01:00');
    expect(provenances(resent)[0]).toMatchObject({ occurredDateTime: newLetter.sentAt, recorded: newLetter.sentAt });
  });

  it('repeats the quoted letter after the reply, with the GP practice as its issuer', () => {
    const bundle = buildCareCommunicationBundle(reply);
    const payloads = only(bundle, 'Communication').payload;
    expect(payloads.map((payload) => payload.contentString)).toEqual([reply.payloads[0]?.text, newLetter.payloads[0]?.text]);
    const assigner = payloads[1]?.extension[1]?.valueIdentifier?.assigner?.reference ?? '';
    expect(resolve(bundle, assigner)).toMatchObject({ name: newLetter.sender.name });
  });

  it('includes a person once even when they both send and write', () => {
    const bundle = buildCareCommunicationBundle(newLetter);
    const kinds = bundle.entry.map((entry) => entry.resource.resourceType);
    expect(kinds).toEqual([
      'MessageHeader',
      'Patient',
      'Communication',
      'Organization',
      'Organization',
      'PractitionerRole',
      'Practitioner',
      'CareTeam',
      'Provenance',
    ]);
  });

  it('is deterministic: the same message gives the same bundle, every entry with a distinct fullUrl', () => {
    const first = buildCareCommunicationBundle(reply);
    expect(buildCareCommunicationBundle(structuredClone(reply))).toEqual(first);
    const urls = first.entry.map((entry) => entry.fullUrl);
    expect(new Set(urls).size).toBe(urls.length);
    for (const url of urls) expect(url.startsWith(`${DEFAULT_FULL_URL_BASE}/`)).toBe(true);
  });

  it('derives different resource ids for different messages', () => {
    const ids = (message: CareCommunicationMessage) =>
      buildCareCommunicationBundle(message).entry.slice(1).map((entry) => entry.resource.id);
    const other = ids({ ...newLetter, messageId: '7d3d7a9e-46f4-4d4e-9b57-6b1f6f4c0a01' });
    for (const id of ids(newLetter)) expect(other).not.toContain(id);
  });

  it('uses the sending system’s fullUrl base when given one', () => {
    const bundle = buildCareCommunicationBundle(newLetter, { fullUrlBase: 'https://fhir.aarhus.example/r4/' });
    expect(bundle.entry[0]?.fullUrl).toBe(`https://fhir.aarhus.example/r4/MessageHeader/${newLetter.messageId}`);
  });

  it('refuses to build what the receiver would refuse', () => {
    const badCpr = expectRefused(() =>
      buildCareCommunicationBundle({ ...newLetter, patient: { cpr: '070716-1234' } }),
    );
    expect(badCpr.extensions['element']).toBe('Patient.identifier[0].value');
    const noText = expectRefused(() =>
      buildCareCommunicationBundle({ ...newLetter, payloads: [{ ...newLetter.payloads[0]!, text: '  ' }] }),
    );
    expect(noText.extensions['element']).toBe('Communication.payload[0].contentString');
    const nothingNew = expectRefused(() => buildCareCommunicationBundle({ ...reply, payloads: [] }));
    expect(nothingNew.extensions['element']).toBe('Provenance.entity');
  });
});

describe('round trips', () => {
  it.each([
    ['a new letter', newLetter],
    ['a reply', reply],
    // An EDIFACT letter has no FHIR Provenance to repeat.
    ['a reply to an EDIFACT letter', (({ history: _none, ...rest }) => ({ ...rest, inReplyTo: { legacyLetterId: '5790001470005#B300720181623' } }))(reply)],
    ['a resent letter', { ...newLetter, bundleId: 'a0e7b1f4-2c5d-4e8f-9a1b-3c4d5e6f7a8b', sentAt: '2026-03-02T09:45:00+01:00', firstSentAt: newLetter.sentAt }],
    [
      'a letter about a patient with a replacement CPR number beside the CPR number',
      { ...newLetter, patient: { ...newLetter.patient, replacementCprs: [{ kind: 'x-ecpr', system: 'urn:oid:1.2.208.176.1.6.1.1', value: '0707169AB1' }] } },
    ],
    [
      'a letter with only the required fields',
      {
        bundleId: 'b-1',
        messageId: 'm-1',
        sentAt: '2026-01-01T00:00:00Z',
        activity: 'new-message',
        conversationId: 'urn:uuid:1',
        category: 'carecoordination',
        patient: { cpr: '0101200000' },
        sender: { sorCode: '123456', gln: '5790001470005' },
        receiver: { sorCode: '654321', gln: '5790001890124' },
        payloads: [{ id: 'p-1', text: 'Hej', writtenAt: '2026-01-01' }],
        quotedPayloads: [],
      } satisfies CareCommunicationMessage,
    ],
  ] as Array<[string, CareCommunicationMessage]>)('%s: parse(build(m)) equals m and build(parse(build(m))) equals build(m)', (_name, message) => {
    const bundle = buildCareCommunicationBundle(message);
    const { message: parsed, deviations } = parseCareCommunicationBundle(overTheWire(bundle));
    expect(deviations).toEqual([]);
    expect(parsed).toStrictEqual(message);
    expect(buildCareCommunicationBundle(parsed)).toStrictEqual(bundle);
  });

  it.each(EXAMPLE_FILES)('%s: what we read from a vendor survives our build and parse unchanged', (file) => {
    const { message } = parseCareCommunicationBundle(loadExample(file));
    const rebuilt = buildCareCommunicationBundle(message);
    expect(parseCareCommunicationBundle(overTheWire(rebuilt))).toStrictEqual({ message, deviations: [] });
  });
});
