import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCareCommunicationBundle } from './build.ts';
import { EXAMPLES_DIR, loadExample } from './fixtures/examples.ts';
import { expectRefused } from './fixtures/expect-refused.ts';
import { newLetter, reply } from './fixtures/messages.ts';
import { parseCareCommunicationBundle } from './parse.ts';

// any: these tests reach into untyped example JSON to break it on purpose; typing every path would hide the intent.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function resource(bundle: Json, resourceType: string, nth = 0): Json {
  return bundle.entry.filter((entry: Json) => entry.resource.resourceType === resourceType)[nth].resource;
}

function removeEntries(bundle: Json, resourceType: string): Json {
  bundle.entry = bundle.entry.filter((entry: Json) => entry.resource.resourceType !== resourceType);
  return bundle;
}

/** JSON as it travels: what build returns, after a trip through the wire. */
const wire = (value: unknown): Json => JSON.parse(JSON.stringify(value));

describe('the vendors’ verified messages', () => {
  it('are kept in the repository', () => {
    expect(existsSync(new URL('EG_Clinea.json', EXAMPLES_DIR))).toBe(true);
  });

  it('EG Clinea: a GP practice writes to a pharmacy', () => {
    const { message, deviations } = parseCareCommunicationBundle(loadExample('EG_Clinea.json'));
    expect(deviations).toEqual([]);
    expect(message).toMatchObject({
      bundleId: 'e9ef0cf3-5386-4d81-b90e-73e5775e480e',
      messageId: '0299fc10-b86a-4fcf-bb41-ba3940027497',
      sentAt: '2026-07-21T13:53:30.115+05:30',
      activity: 'new-message',
      conversationId: 'urn:uuid:c0976d26-b20b-4778-94d8-3159b6427845',
      category: 'other',
      topic: 'New care communication',
      patient: { cpr: '2509479989', name: { given: ['Elmer Bruno'], family: 'Test' } },
      sender: { sorCode: '323041000016001', gln: '5790000120048', name: 'Almen praksis 2' },
      receiver: { sorCode: '307411000016009', gln: '5790000173174', name: 'Aarhus Trøjborg Apotek' },
      quotedPayloads: [],
    });
    expect(message.payloads).toEqual([
      {
        id: 'urn:uuid:754c3992-5376-4846-a34e-c75ecf0ae0dd',
        text: 'Care communication 3.3.1.1',
        writtenAt: '2026-07-21T13:53:30.115+05:30',
        author: {
          name: { given: ['test'], family: 'test' },
          role: {
            system: 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-core-PractitionerRolesSKSadministrativ',
            code: 'sygeplejerske',
          },
        },
        authorContact: { system: 'phone', value: '22556699' },
      },
    ]);
    expect(message.specificSender).toBeUndefined();
    expect(message.specificRecipient).toBeUndefined();
  });

  it('Systematic Columna Cura: a care team sends to a named physician', () => {
    const { message, deviations } = parseCareCommunicationBundle(loadExample('Systematic_ColumnaCura.json'));
    expect(deviations).toEqual([]);
    expect(message).toMatchObject({
      messageId: '826a4243-4e74-447c-b003-0563bd4f7670',
      activity: 'new-message',
      category: 'other',
      topic: 'Test',
      patient: { cpr: '2509479989', name: { given: ['Bruno'], family: 'Elmer' } },
      sender: { sorCode: '937961000016000', gln: '5790000123117', name: 'Systematic Care' },
      receiver: {
        sorCode: '554771000016008',
        gln: '5790002015748',
        name: 'Afdeling for Bioinformatik, Statens Serum Institut',
      },
      specificSender: { careTeam: { name: 'Systematic' } },
      specificRecipient: {
        practitioner: {
          name: { given: ['Jens'], family: 'Jensen' },
          role: { code: 'afdelingslaege', display: 'Afdelingslæge' },
        },
      },
    });
    expect(message.payloads).toHaveLength(1);
    expect(message.payloads[0]).toMatchObject({
      id: 'urn:uuid:9e3e5f8a-b850-4dc7-81d5-d9967d383a9b',
      text: 'test',
      writtenAt: '2026-06-17T09:16:01+02:00',
      author: { name: { given: ['Amin'], family: 'Aminson' }, role: { code: 'bioanalytiker' } },
      authorContact: { system: 'phone', value: '00000000' },
    });
  });

  it('Vena: parses after normalising its three deviations, and reports each', () => {
    const { message, deviations } = parseCareCommunicationBundle(loadExample('Vena_Vena.json'));
    expect(message).toMatchObject({
      messageId: 'b6f87a0c-c1d2-4efe-9ea2-6ed86ebdb1f1',
      sentAt: '2025-12-18T12:03:11.202921064Z',
      activity: 'new-message',
      category: 'acute-ambulant',
      topic: 'Her er et emne',
      patient: { cpr: '1612593155', name: { given: ['Jeppe'], family: 'Pedersen' } },
      sender: { sorCode: '1419231000016003', gln: '5790002759994', name: 'Vena - til testbrug' },
      receiver: { sorCode: '1001091000016004', gln: '5790002503719', name: 'Amager og Hvidovre Hospital' },
      specificSender: { practitioner: { name: { given: ['Thomassine'], family: 'Hansen' }, role: { code: 'laege' } } },
      specificRecipient: { practitioner: { name: { given: ['En Specifik'], family: 'Modtager' } } },
    });
    expect(message.payloads[0]?.text).toMatch(/^Her er beskeden\n\nThomassine Hansen, Læge\n/);
    expect(message.payloads[0]?.authorContact).toEqual({ system: 'phone', value: '11223344' });
    expect(deviations.map(({ code, element }) => ({ code, element }))).toEqual(
      expect.arrayContaining([
        { code: 'cpr-system-without-urn-oid', element: 'Patient.identifier.system' },
        { code: 'sor-system-missing-colon', element: 'Organization(sender).identifier.system' },
        { code: 'sor-system-missing-colon', element: 'Organization(receiver).identifier.system' },
        { code: 'message-definition-4.0', element: 'MessageHeader.definition' },
      ]),
    );
    expect(deviations).toHaveLength(4);
    for (const deviation of deviations) expect(deviation.description).not.toContain('1612593155');
  });

  it('each deviation is accepted on its own in an otherwise standard message', () => {
    const cpr = loadExample('EG_Clinea.json') as Json;
    resource(cpr, 'Patient').identifier[0].system = '1.2.208.176.1.2';
    expect(parseCareCommunicationBundle(cpr).deviations.map((d) => d.code)).toEqual(['cpr-system-without-urn-oid']);

    const sor = loadExample('EG_Clinea.json') as Json;
    resource(sor, 'Organization', 1).identifier[1].system = 'urn:oid1.2.208.176.1.1';
    expect(parseCareCommunicationBundle(sor).deviations).toEqual([
      expect.objectContaining({ code: 'sor-system-missing-colon', element: 'Organization(sender).identifier.system' }),
    ]);

    const definition = loadExample('EG_Clinea.json') as Json;
    resource(definition, 'MessageHeader').definition =
      'http://medcomfhir.dk/ig/carecommunication/medcom-careCommunication-message-definition|4.0.2';
    expect(parseCareCommunicationBundle(definition).deviations.map((d) => d.code)).toEqual(['message-definition-4.0']);
  });
});

describe('what parse tolerates', () => {
  it('ignores narratives, profiles and resources it does not read', () => {
    const bundle = loadExample('Systematic_ColumnaCura.json') as Json;
    for (const entry of bundle.entry) {
      delete entry.resource.text;
      delete entry.resource.meta;
    }
    delete bundle.meta;
    bundle.entry.push({ fullUrl: 'urn:uuid:2f1c0c3e-2d0a-4d1e-9d1a-6b0f0e7c1a11', resource: { resourceType: 'Encounter' } });
    expect(parseCareCommunicationBundle(bundle).message.patient.cpr).toBe('2509479989');
  });

  it('resolves urn:uuid fullUrls as well as relative references', () => {
    const bundle = loadExample('EG_Clinea.json') as Json;
    const patientEntry = bundle.entry.find((entry: Json) => entry.resource.resourceType === 'Patient');
    patientEntry.fullUrl = 'urn:uuid:e4ac8798-2900-45f2-bd67-0cde389c2049';
    resource(bundle, 'Communication').subject.reference = 'urn:uuid:e4ac8798-2900-45f2-bd67-0cde389c2049';
    expect(parseCareCommunicationBundle(bundle).message.patient.cpr).toBe('2509479989');
  });

  it('reads category codes case-insensitively, as the code system declares', () => {
    const bundle = loadExample('EG_Clinea.json') as Json;
    resource(bundle, 'Communication').category[0].coding[0].code = 'Other';
    expect(parseCareCommunicationBundle(bundle).message.category).toBe('other');
  });

  it('picks the Provenance of this message when a reply repeats the earlier ones', () => {
    const bundle = wire(buildCareCommunicationBundle(reply));
    bundle.entry.push({
      fullUrl: 'https://gp.example/Provenance/6d0c7f5e-6b7e-4d8a-9d1b-3c1f0a2b4c5d',
      resource: {
        resourceType: 'Provenance',
        id: '6d0c7f5e-6b7e-4d8a-9d1b-3c1f0a2b4c5d',
        target: [{ reference: `MessageHeader/${newLetter.messageId}` }],
        activity: {
          coding: [{ system: 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-activityCodes', code: 'new-message' }],
        },
        entity: [{ role: 'source', what: { identifier: { value: newLetter.payloads[0]?.id } } }],
      },
    });
    expect(parseCareCommunicationBundle(bundle).message).toEqual(reply);
  });

  it('reads a reply to an EDIFACT/OIOXML letter by its lokationsnummer#brevid', () => {
    const legacy = { ...reply, inReplyTo: { legacyLetterId: '5790001470005#B300720181623' } };
    const { message } = parseCareCommunicationBundle(wire(buildCareCommunicationBundle(legacy)));
    expect(message).toEqual(legacy);
  });

  it('tells which organisation issued a quoted segment from its SOR code when the assigner is another entry', () => {
    const bundle = wire(buildCareCommunicationBundle(reply));
    bundle.entry.push({
      fullUrl: 'https://gp.example/Organization/core-gp',
      resource: {
        resourceType: 'Organization',
        id: 'core-gp',
        identifier: [{ system: 'urn:oid:1.2.208.176.1.1', value: reply.receiver.sorCode }],
      },
    });
    resource(bundle, 'Communication').payload[1].extension[1].valueIdentifier.assigner.reference = 'Organization/core-gp';
    expect(parseCareCommunicationBundle(bundle).message.quotedPayloads[0]?.from).toBe('receiver');
  });
});

type Case = [name: string, input: () => unknown, element: string];

const eg = (mutate: (bundle: Json) => void) => () => {
  const bundle = loadExample('EG_Clinea.json');
  mutate(bundle);
  return bundle;
};
const builtReply = (mutate: (bundle: Json) => void) => () => {
  const bundle = wire(buildCareCommunicationBundle(reply));
  mutate(bundle);
  return bundle;
};
const firstPayload = (bundle: Json) => resource(bundle, 'Communication').payload[0];

const malformed: Case[] = [
  ['null', () => null, 'Bundle'],
  ['a JSON text instead of parsed JSON', () => JSON.stringify(loadExample('EG_Clinea.json')), 'Bundle'],
  ['an array', () => [loadExample('EG_Clinea.json')], 'Bundle'],
  ['a number', () => 42, 'Bundle'],
  ['an empty object', () => ({}), 'Bundle.resourceType'],
  ['another resource type', eg((b) => (b.resourceType = 'Communication')), 'Bundle.resourceType'],
  ['a document bundle', eg((b) => (b.type = 'document')), 'Bundle.type'],
  ['no bundle id', eg((b) => delete b.id), 'Bundle.id'],
  ['a bundle id that is not a FHIR id', eg((b) => (b.id = 'has spaces')), 'Bundle.id'],
  ['a timestamp without time zone', eg((b) => (b.timestamp = '2026-07-21T13:53:30')), 'Bundle.timestamp'],
  ['a timestamp on 31 February', eg((b) => (b.timestamp = '2026-02-31T13:53:30Z')), 'Bundle.timestamp'],
  ['a numeric timestamp', eg((b) => (b.timestamp = 1784619810)), 'Bundle.timestamp'],
  ['no entries', eg((b) => delete b.entry), 'Bundle.entry'],
  ['entries that are not a list', eg((b) => (b.entry = {})), 'Bundle.entry'],
  ['an entry that is not an object', eg((b) => (b.entry[3] = 'Organization')), 'Bundle.entry[3]'],
  ['an entry without resource', eg((b) => delete b.entry[2].resource), 'Bundle.entry[2].resource'],
  ['two entries with the same type and id', eg((b) => b.entry.push(structuredClone(b.entry[1]))), 'Bundle.entry[8]'],
  ['no MessageHeader', eg((b) => removeEntries(b, 'MessageHeader')), 'Bundle.entry[MessageHeader]'],
  ['the MessageHeader not first', eg((b) => b.entry.push(b.entry.shift())), 'Bundle.entry[0]'],
  ['two MessageHeaders', eg((b) => b.entry.push({ resource: { ...b.entry[0].resource, id: 'x' } })), 'Bundle.entry[MessageHeader]'],
  ['another event', eg((b) => (resource(b, 'MessageHeader').eventCoding.code = 'hospital-notification-message')), 'MessageHeader.eventCoding'],
  ['an unknown message definition', eg((b) => (resource(b, 'MessageHeader').definition = 'http://example.org/def|5.0')), 'MessageHeader.definition'],
  ['no message definition', eg((b) => delete resource(b, 'MessageHeader').definition), 'MessageHeader.definition'],
  ['a cc destination', eg((b) => resource(b, 'MessageHeader').destination.push(resource(b, 'MessageHeader').destination[0])), 'MessageHeader.destination'],
  ['a destination without use', eg((b) => delete resource(b, 'MessageHeader').destination[0].extension), 'MessageHeader.destination[0].extension[use]'],
  ['a dangling receiver', eg((b) => (resource(b, 'MessageHeader').destination[0].receiver.reference = 'Organization/nowhere')), 'MessageHeader.destination[0].receiver.reference'],
  ['a sender that is the Patient', eg((b) => (resource(b, 'MessageHeader').sender.reference = 'Patient/e4ac8798-2900-45f2-bd67-0cde389c2049')), 'MessageHeader.sender.reference'],
  ['no sender', eg((b) => delete resource(b, 'MessageHeader').sender), 'MessageHeader.sender'],
  ['no focus', eg((b) => delete resource(b, 'MessageHeader').focus), 'MessageHeader.focus'],
  ['a sender without SOR code', eg((b) => resource(b, 'Organization', 1).identifier.pop()), 'Organization(sender).identifier[SOR]'],
  ['a receiver without GLN', eg((b) => resource(b, 'Organization', 0).identifier.shift()), 'Organization(receiver).identifier[GLN]'],
  ['a 12-digit GLN', eg((b) => (resource(b, 'Organization', 0).identifier[0].value = '579000017317')), 'Organization(receiver).identifier[GLN].value'],
  ['a SOR code with letters', eg((b) => (resource(b, 'Organization', 0).identifier[1].value = 'SOR307411')), 'Organization(receiver).identifier[SOR].value'],
  ['no Patient', eg((b) => removeEntries(b, 'Patient')), 'Bundle.entry[Patient]'],
  ['two Patients', eg((b) => b.entry.push({ resource: { ...resource(b, 'Patient'), id: 'other' } })), 'Bundle.entry[Patient]'],
  ['a Patient without CPR or replacement CPR number', eg((b) => (resource(b, 'Patient').identifier[0].system = 'urn:oid:1.2.208.176.1.99')), 'Patient.identifier'],
  ['a replacement CPR number of the wrong form', eg((b) => (resource(b, 'Patient').identifier = [{ system: 'urn:oid:1.2.208.176.1.6.1.1', value: 'x' }])), 'Patient.identifier[0].value'],
  ['a Patient without identifiers', eg((b) => delete resource(b, 'Patient').identifier), 'Patient.identifier'],
  ['a CPR number of 9 digits', eg((b) => (resource(b, 'Patient').identifier[0].value = '250947998')), 'Patient.identifier[0].value'],
  ['a CPR number with a dash', eg((b) => (resource(b, 'Patient').identifier[0].value = '250947-9989')), 'Patient.identifier[0].value'],
  ['a numeric CPR number', eg((b) => (resource(b, 'Patient').identifier[0].value = 2509479989)), 'Patient.identifier[0].value'],
  ['two different CPR numbers', eg((b) => resource(b, 'Patient').identifier.push({ system: 'urn:oid:1.2.208.176.1.2', value: '0101010101' })), 'Patient.identifier'],
  ['a Communication entered in error', eg((b) => (resource(b, 'Communication').status = 'entered-in-error')), 'Communication.status'],
  ['no conversation identifier', eg((b) => delete resource(b, 'Communication').identifier), 'Communication.identifier'],
  ['a category outside MedCom’s', eg((b) => (resource(b, 'Communication').category[0].coding[0].code = 'underretning')), 'Communication.category[0].coding[0].code'],
  ['a category from another code system', eg((b) => (resource(b, 'Communication').category[0].coding[0].system = 'http://example.org')), 'Communication.category'],
  ['category other without topic', eg((b) => delete resource(b, 'Communication').topic), 'Communication.topic'],
  ['a priority outside regarding-referral', eg((b) => (resource(b, 'Communication').priority = 'asap')), 'Communication.priority'],
  ['a subject that is not the Patient', eg((b) => (resource(b, 'Communication').subject.reference = 'Organization/a05a6833-edd5-48e3-8794-67d727ea36b6')), 'Communication.subject.reference'],
  ['no payload', eg((b) => (resource(b, 'Communication').payload = [])), 'Communication.payload'],
  ['a payload without text', eg((b) => delete firstPayload(b).contentString), 'Communication.payload[0].contentString'],
  ['a payload of white space', eg((b) => (firstPayload(b).contentString = ' \n ')), 'Communication.payload[0].contentString'],
  ['an attachment', eg((b) => (firstPayload(b).contentAttachment = { contentType: 'application/pdf', data: 'JVBERi0=' })), 'Communication.payload[0].contentAttachment'],
  ['a payload without date', eg((b) => firstPayload(b).extension.shift()), 'Communication.payload[0].extension[date]'],
  ['a payload without identifier', eg((b) => firstPayload(b).extension.splice(1, 1)), 'Communication.payload[0].extension[identifier]'],
  ['a payload date that is not a date', eg((b) => (firstPayload(b).extension[0].valueDateTime = 'yesterday')), 'Communication.payload[0].extension[date].valueDateTime'],
  ['an author without name', eg((b) => delete resource(b, 'Practitioner').name), 'Communication.payload[0].extension[author].valueReference -> PractitionerRole.practitioner -> Practitioner.name'],
  ['no Provenance', eg((b) => removeEntries(b, 'Provenance')), 'Bundle.entry[Provenance]'],
  ['a forwarded message', eg((b) => (resource(b, 'Provenance').activity.coding[0].code = 'forward-message')), 'Provenance.activity'],
  ['a Provenance naming no segment', eg((b) => (resource(b, 'Provenance').entity[0].what.identifier.value = 'urn:uuid:0')), 'Provenance.entity'],
  ['a reply that does not say what it answers', builtReply((b) => resource(b, 'Provenance').entity.shift()), 'Provenance.entity[revision]'],
  ['a reply pointing at a Communication', builtReply((b) => (resource(b, 'Provenance').entity[0].what.reference = 'Communication/1')), 'Provenance.entity[0].what.reference'],
];

describe('malformed messages are refused with BAD_USER_INPUT naming the element', () => {
  it.each(malformed)('%s', (_name, input, element) => {
    const error = expectRefused(() => parseCareCommunicationBundle(input()));
    expect(error.extensions['element']).toBe(element);
    expect(error.message).toContain(element);
    // A refusal reaches logs and clients: never with the child's CPR number or name in it.
    expect(error.message).not.toMatch(/2509479989|0707161234|Elmer|Alma/);
  });
});

describe("MedCom's receive-test shapes", () => {
  // CareCommunication_Testprotocol_Receive sends instance ids that are no UUIDs and patients with replacement CPR
  // numbers; a receiver reads them and keeps the eCPR beside the CPR number.
  const shaped = (mutate: (bundle: Json) => void) => {
    const bundle = wire(buildCareCommunicationBundle(newLetter));
    mutate(bundle);
    return bundle;
  };

  it('reads a message whose instance ids are no UUIDs', () => {
    const bundle = shaped((b) => {
      const ids = new Map<string, string>();
      b.entry.forEach((entry: Json, i: number) => {
        const id = `${entry.resource.resourceType.toLowerCase()}-${i}`;
        ids.set(`${entry.resource.resourceType}/${entry.resource.id}`, `${entry.resource.resourceType}/${id}`);
        entry.resource.id = id;
        entry.fullUrl = `https://medcomfhir.dk/ig/carecommunication/${entry.resource.resourceType}/${id}`;
      });
      const relink = (value: Json): void => {
        if (Array.isArray(value)) value.forEach(relink);
        else if (value && typeof value === 'object') {
          for (const [key, child] of Object.entries(value)) {
            if (key === 'reference' && typeof child === 'string' && ids.has(child)) value[key] = ids.get(child);
            else relink(child);
          }
        }
      };
      relink(b.entry);
      resource(b, 'Communication').payload[0].extension[1].valueIdentifier.value = 'segment-1';
      resource(b, 'Provenance').entity[0].what.identifier.value = 'segment-1';
    });
    const { message } = parseCareCommunicationBundle(bundle);
    expect(message).toMatchObject({ messageId: 'messageheader-0', payloads: [{ id: 'segment-1', text: newLetter.payloads[0]!.text }] });
  });

  it('keeps X-eCPR and D-eCPR numbers beside the CPR number, and reads a patient known by an eCPR only', () => {
    const xEcpr = { system: 'urn:oid:1.2.208.176.1.6.1.1', value: '0707169AB1' };
    const dEcpr = { system: 'urn:oid:1.2.208.176.1.6.1.3.1', value: '0707160KD3' };
    const both = parseCareCommunicationBundle(
      shaped((b) => resource(b, 'Patient').identifier.push({ use: 'temp', ...xEcpr }, { use: 'temp', ...dEcpr })),
    ).message.patient;
    expect(both).toEqual({
      cpr: newLetter.patient.cpr,
      replacementCprs: [{ kind: 'x-ecpr', ...xEcpr }, { kind: 'd-ecpr', ...dEcpr }],
      name: newLetter.patient.name,
    });
    const only = parseCareCommunicationBundle(shaped((b) => (resource(b, 'Patient').identifier = [{ use: 'temp', ...xEcpr }]))).message.patient;
    expect(only).toEqual({ replacementCprs: [{ kind: 'x-ecpr', ...xEcpr }], name: newLetter.patient.name });
  });
});
