import { describe as suite, expect, it } from 'vitest';
import { EXAMPLE_FILES, loadExample } from '../fixtures/examples.ts';
import { igAcknowledgement, igNewMessage, igReply, IDS } from './testing/ig-shaped.ts';
import { checkAcknowledgement, checkCareCommunication, checkResend, describe, type Finding } from './validate.ts';

type Json = Record<string, unknown>;
const errors = (findings: Finding[]) => findings.filter((f) => f.severity === 'error').map(describe);

/** The resource of the first entry of that type (or the entry at that index). */
function res(bundle: Json, type: string, nth = 0): Json {
  const found = (bundle['entry'] as Array<{ resource: Json }>).map((e) => e.resource).filter((r) => r['resourceType'] === type);
  const resource = found[nth];
  if (!resource) throw new Error(`no ${type} #${nth} in the test bundle`);
  return resource;
}
const payload = (bundle: Json, i = 0) => (res(bundle, 'Communication')['payload'] as Json[])[i]!;
const ext = (holder: Json, suffix: string) => (holder['extension'] as Json[]).find((e) => String(e['url']).endsWith(suffix))!;

suite('MedCom conformance suite: messages written to the IG', () => {
  it('passes a new message, a reply and Acknowledgements written to the IGs without a single finding', () => {
    expect(checkCareCommunication(igNewMessage()).map(describe)).toEqual([]);
    expect(checkCareCommunication(igReply()).map(describe)).toEqual([]);
    expect(checkAcknowledgement(igAcknowledgement('ok')).map(describe)).toEqual([]);
    expect(checkAcknowledgement(igAcknowledgement('fatal-error')).map(describe)).toEqual([]);
  });

  it('refuses what is not a Bundle', () => {
    expect(checkCareCommunication({ resourceType: 'Patient' }).map((f) => f.rule)).toEqual(['resourceType = Bundle']);
  });
});

suite('MedCom conformance suite: the verified vendor messages are classified as MedCom classifies them', () => {
  it('finds no error in EG Clinea and Systematic Columna Cura, which MedCom verified under CareCommunication 5.0', () => {
    expect(errors(checkCareCommunication(loadExample('EG_Clinea.json')))).toEqual([]);
    expect(errors(checkCareCommunication(loadExample('Systematic_ColumnaCura.json')))).toEqual([]);
  });

  it('finds Vena to be a 4.0 message: its MessageDefinition is 4.0 and its organisations use the 4.0-era SOR system spelling', () => {
    expect(errors(checkCareCommunication(loadExample('Vena_Vena.json')))).toEqual([
      'error MedComCareCommunicationMessageHeader MessageHeader.definition [medcom-carecommunication-definition-url] @ Bundle.entry[0].resource.definition',
      'error DkCoreOrganization Organization [dk-core-organization-mandatory-identifier] @ Bundle.entry[7].resource',
      'error MedComCoreOrganization Organization.identifier:SOR-ID [1..1] @ Bundle.entry[7].resource',
      'error DkCoreOrganization Organization [dk-core-organization-mandatory-identifier] @ Bundle.entry[8].resource',
      'error MedComCoreOrganization Organization.identifier:SOR-ID [1..1] @ Bundle.entry[8].resource',
    ]);
  });

  it('reports the vendors the narrative governance they do not follow as warnings, never as errors', () => {
    for (const file of EXAMPLE_FILES) {
      const narrative = checkCareCommunication(loadExample(file)).filter((f) => f.rule === 'SHALL:in-narrative' || f.profile === 'MedCom narrative governance');
      expect(narrative.length).toBeGreaterThan(0);
      expect(narrative.every((f) => f.severity === 'warning')).toBe(true);
    }
  });
});

/** [what the mutation breaks, mutation of a valid new message, the finding it must produce]. */
const LETTER_CASES: Array<[string, (b: Json) => void, string]> = [
  // MedComMessagingMessage / MedComCareCommunicationMessage
  ['Bundle.id missing', (b) => delete b['id'], 'error MedComMessagingMessage Bundle.id [1..1] @ Bundle'],
  ['Bundle.type not message', (b) => (b['type'] = 'collection'), 'error MedComMessagingMessage Bundle.type [= message] @ Bundle.type'],
  ['no Provenance', (b) => (b['entry'] = (b['entry'] as Json[]).filter((e) => (e['resource'] as Json)['resourceType'] !== 'Provenance')), 'error MedComMessagingMessage Bundle [medcom-messaging-2] @ Bundle'],
  ['MessageHeader without its profile', (b) => delete res(b, 'MessageHeader')['meta'], 'error MedComCareCommunicationMessage Bundle [medcom-careCommunication-1] @ Bundle'],
  ['two Patients', (b) => (b['entry'] as Json[]).push({ fullUrl: 'https://x.invalid/Patient/p2', resource: { ...res(b, 'Patient'), id: 'p2' } }), 'error MedComCareCommunicationMessage Bundle [medcom-careCommunication-2] @ Bundle'],
  ['Provenance without its profile', (b) => delete res(b, 'Provenance')['meta'], 'error MedComCareCommunicationMessage Bundle [medcom-careCommunication-3] @ Bundle'],
  ['Practitioner without a name', (b) => delete res(b, 'Practitioner')['name'], 'error MedComCareCommunicationMessage Bundle [medcom-careCommunication-4] @ Bundle'],
  ['specific sender from another organisation', (b) => (res(b, 'PractitionerRole')['organization'] = { reference: `Organization/${IDS.municipality}` }), 'error MedComCareCommunicationMessage Bundle [medcom-careCommunication-11] @ Bundle'],
  ['PractitionerRole without practitioner', (b) => delete res(b, 'PractitionerRole')['practitioner'], 'error MedComCareCommunicationMessage Bundle [medcom-careCommunication-13] @ Bundle'],
  ['Communication.encounter without an Encounter', (b) => (res(b, 'Communication')['encounter'] = { reference: 'Encounter/e1' }), 'error MedComCareCommunicationMessage Bundle [medcom-careCommunication-15] @ Bundle'],
  // FHIR R4
  ['MessageHeader not first', (b) => (b['entry'] as Json[]).reverse(), 'error FHIR R4 Bundle Bundle [bdl-12] @ Bundle'],
  ['duplicate fullUrl', (b) => ((b['entry'] as Json[])[1]!['fullUrl'] = (b['entry'] as Json[])[0]!['fullUrl']), 'error FHIR R4 Bundle Bundle [bdl-7] @ Bundle'],
  ['fullUrl of another id', (b) => ((b['entry'] as Json[])[1]!['fullUrl'] = 'https://x.invalid/fhir/Patient/other'), 'error FHIR R4 Bundle Bundle.entry.fullUrl [fullUrl matches resource] @ Bundle.entry[1]'],
  ['unknown element', (b) => (res(b, 'Patient')['nickname'] = 'x'), 'error FHIR R4 Patient.nickname [unknown element] @ Bundle.entry[1].resource.nickname'],
  ['single element as array', (b) => (res(b, 'Communication')['status'] = ['unknown']), 'error FHIR R4 Communication.status [single] @ Bundle.entry[2].resource.status'],
  ['bad dateTime', (b) => (res(b, 'Provenance')['occurredDateTime'] = '02-03-2026'), 'error FHIR R4 Provenance.occurredDateTime [dateTime format] @ Bundle.entry[7].resource.occurredDateTime'],
  ['empty string', (b) => (res(b, 'Organization')['name'] = ''), 'error FHIR R4 Organization.name [ele-1] @ Bundle.entry[5].resource.name'],
  ['extension with value and extensions', (b) => (ext(payload(b), 'datetime-extension')['extension'] = [{ url: 'x', valueString: 'y' }]), 'error FHIR R4 Extension [ext-1] @ Bundle.entry[2].resource.payload[0].extension[0]'],
  ['script in the narrative', (b) => ((res(b, 'Patient')['text'] as Json)['div'] = '<div xmlns="http://www.w3.org/1999/xhtml"><script>x</script></div>'), 'error FHIR R4 DomainResource Narrative.div [txt-1] @ Bundle.entry[1].resource.text.div'],
  ['narrative status outside the code system', (b) => ((res(b, 'Patient')['text'] as Json)['status'] = 'done'), 'error FHIR R4 DomainResource Narrative.status [required binding NarrativeStatus] @ Bundle.entry[1].resource.text.status'],
  // MedComMessagingMessageHeader / MedComCareCommunicationMessageHeader
  ['event code of another standard', (b) => ((res(b, 'MessageHeader')['eventCoding'] as Json)['code'] = 'hospital-notification-message'), 'error MedComCareCommunicationMessageHeader MessageHeader.eventCoding.code [= care-communication-message] @ Bundle.entry[0].resource.eventCoding.code'],
  ['event code outside MedComMessagingMessageTypes', (b) => ((res(b, 'MessageHeader')['eventCoding'] as Json)['code'] = 'letter'), 'error MedComMessagingMessageHeader MessageHeader.eventCoding [required binding MedComMessagingMessageTypes] @ Bundle.entry[0].resource.eventCoding'],
  ['carbon-copy destination', (b) => (res(b, 'MessageHeader')['destination'] as Json[]).push({ extension: [{ url: 'http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-destinationUseExtension', valueCoding: { system: 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-destinationUse', code: 'cc' } }], endpoint: 'https://x.invalid', receiver: { reference: `Organization/${IDS.gpPractice}` } }), 'error MedComCareCommunicationMessageHeader MessageHeader.destination:cc [0..0] @ Bundle.entry[0].resource'],
  ['destination of no slice', (b) => (((res(b, 'MessageHeader')['destination'] as Json[])[0]!['extension'] as Json[])[0]!['valueCoding'] = { system: 'x', code: 'bcc' }), 'error MedComMessagingMessageHeader MessageHeader.destination [closed slicing (primary, cc)] @ Bundle.entry[0].resource.destination[0]'],
  ['receiver outside the Bundle', (b) => ((res(b, 'MessageHeader')['destination'] as Json[])[0]!['receiver'] = { reference: 'Organization/elsewhere' }), 'error MedComMessagingMessageHeader MessageHeader.destination:primary.receiver [Reference(MedComMessagingOrganization) {bundled}] @ Bundle.entry[0].resource.destination[0].receiver'],
  ['sender not an Organization', (b) => (res(b, 'MessageHeader')['sender'] = { reference: `Patient/${IDS.patient}` }), 'error MedComMessagingMessageHeader MessageHeader.sender [Reference(MedComMessagingOrganization) {bundled}] @ Bundle.entry[0].resource.sender'],
  ['MessageDefinition 4.0', (b) => (res(b, 'MessageHeader')['definition'] = 'http://medcomfhir.dk/ig/carecommunication/medcom-careCommunication-message-definition|4.0.0'), 'error MedComCareCommunicationMessageHeader MessageHeader.definition [medcom-carecommunication-definition-url] @ Bundle.entry[0].resource.definition'],
  ['no focus', (b) => delete res(b, 'MessageHeader')['focus'], 'error MedComCareCommunicationMessageHeader MessageHeader.focus [1..1] @ Bundle.entry[0].resource'],
  // MedComMessagingOrganization, MedComCoreOrganization, DK Core
  ['organisation without GLN', (b) => (res(b, 'Organization')['identifier'] = (res(b, 'Organization')['identifier'] as Json[]).slice(1)), 'error MedComMessagingOrganization Organization.identifier:EAN-ID [1..1] @ Bundle.entry[5].resource'],
  ['GLN check digit', (b) => ((res(b, 'Organization')['identifier'] as Json[])[0]!['value'] = '5790001890125'), 'error DkCoreOrganization Organization.identifier:EAN-ID.value [gln-modulus-10] @ Bundle.entry[5].resource.identifier[0].value'],
  ['SOR id too short', (b) => ((res(b, 'Organization')['identifier'] as Json[])[1]!['value'] = '12345'), 'error DkCoreOrganization Organization.identifier:SOR-ID.value [min-digits-sor] @ Bundle.entry[5].resource.identifier[1].value'],
  // MedComCorePatient, DkCorePatient
  ['no Patient.name', (b) => delete res(b, 'Patient')['name'], 'error MedComCorePatient Patient.name:official [1..1] @ Bundle.entry[1].resource'],
  ['official name without family', (b) => delete (res(b, 'Patient')['name'] as Json[])[0]!['family'], 'error DkCorePatient Patient.name:official.family [1..1] @ Bundle.entry[1].resource.name[0]'],
  ['impossible CPR', (b) => ((res(b, 'Patient')['identifier'] as Json[])[0]!['value'] = '3213161234'), 'error DkCorePatient Patient.identifier:cpr.value [cpr] @ Bundle.entry[1].resource.identifier[0].value'],
  ['CPR use temp', (b) => ((res(b, 'Patient')['identifier'] as Json[])[0]!['use'] = 'temp'), 'error DkCorePatient Patient.identifier:cpr.use [= official] @ Bundle.entry[1].resource.identifier[0].use'],
  ['X-eCPR of a wrong form', (b) => (res(b, 'Patient')['identifier'] = [{ use: 'temp', system: 'urn:oid:1.2.208.176.1.6.1.1', value: '0707161234' }]), 'error DkCorePatient Patient.identifier:x-ecpr.value [x-ecpr] @ Bundle.entry[1].resource.identifier[0]'],
  // MedComCareCommunication
  ['status not unknown', (b) => (res(b, 'Communication')['status'] = 'completed'), 'error MedComCareCommunication Communication.status [= unknown] @ Bundle.entry[2].resource.status'],
  ['communication identifier not a urn:uuid', (b) => (res(b, 'Communication')['identifier'] = [{ value: 'letter-1' }]), 'error MedComCareCommunication Communication.identifier [medcom-uuidv4] @ Bundle.entry[2].resource.identifier[0]'],
  ['communication identifier version 7', (b) => (res(b, 'Communication')['identifier'] = [{ value: 'urn:uuid:0197a1c2-0000-7000-8000-0000000000aa' }]), 'warning MedComCareCommunication Communication.identifier.value [UUID version 4] @ Bundle.entry[2].resource.identifier[0].value'],
  ['category outside the value set', (b) => (((res(b, 'Communication')['category'] as Json[])[0]!['coding'] as Json[])[0]!['code'] = 'psychiatry'), 'error MedComCareCommunication Communication.category [required binding MedComCareCommunicationCategories] @ Bundle.entry[2].resource.category[0].coding[0]'],
  ['two category codings', (b) => ((res(b, 'Communication')['category'] as Json[])[0]!['coding'] as Json[]).push({ system: 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-careCommunication-categoryCodes', code: 'other' }), 'error MedComCareCommunication Communication.category.coding [1..1] @ Bundle.entry[2].resource.category[0]'],
  ['priority outside regarding-referral', (b) => (res(b, 'Communication')['priority'] = 'asap'), 'error MedComCareCommunication Communication [medcom-careCommunication-5] @ Bundle.entry[2].resource'],
  ['category other without topic', (b) => { (((res(b, 'Communication')['category'] as Json[])[0]!['coding'] as Json[])[0]!['code'] = 'other'); delete res(b, 'Communication')['topic']; }, 'error MedComCareCommunication Communication [medcom-careCommunication-6] @ Bundle.entry[2].resource'],
  ['author role both coded and free text', (b) => ((res(b, 'PractitionerRole')['code'] as Json[])[0]!['text'] = 'Læge'), 'error MedComCareCommunication Communication [medcom-careCommunication-7] @ Bundle.entry[2].resource'],
  ['subject outside the Bundle', (b) => (res(b, 'Communication')['subject'] = { reference: 'Patient/elsewhere' }), 'error MedComCareCommunication Communication.subject [Reference(MedComCorePatient) {bundled}] @ Bundle.entry[2].resource.subject'],
  ['segment without author contact', (b) => (payload(b)['extension'] = (payload(b)['extension'] as Json[]).slice(0, 3)), 'error MedComCareCommunication Communication.payload:string.extension:authorContact [1..1] @ Bundle.entry[2].resource.payload[0]'],
  ['segment identifier without assigner', (b) => delete (ext(payload(b), 'identifier-extension')['valueIdentifier'] as Json)['assigner'], 'error MedComCareCommunication Communication.payload.extension:identifier.valueIdentifier.assigner [1..1] @ Bundle.entry[2].resource.payload[0].extension[1].valueIdentifier'],
  ['segment identifier version 5', (b) => { (ext(payload(b), 'identifier-extension')['valueIdentifier'] as Json)['value'] = 'urn:uuid:a7f3c1d2-1b2c-5d3e-8f4a-5b6c7d8e9f0a'; (res(b, 'Provenance')['entity'] as Json[])[0]!['what'] = { identifier: { value: 'urn:uuid:a7f3c1d2-1b2c-5d3e-8f4a-5b6c7d8e9f0a' } }; }, 'warning MedComCareCommunication Communication.payload.extension:identifier.valueIdentifier.value [UUID version 4] @ Bundle.entry[2].resource.payload[0].extension[1].valueIdentifier.value'],
  ['phone without digits', (b) => ((ext(payload(b), 'contact-extension')['valueContactPoint'] as Json)['value'] = 'ring til lægen'), 'error MedComCareCommunication Communication.payload.extension:authorContact.valueContactPoint.value [medcom-core-contact] @ Bundle.entry[2].resource.payload[0].extension[3].valueContactPoint.value'],
  ['phone with spaces', (b) => ((ext(payload(b), 'contact-extension')['valueContactPoint'] as Json)['value'] = '86 12 34 56'), 'warning MedComCareCommunication Communication.payload.extension:authorContact.valueContactPoint.value [medcom-core-contact (description)] @ Bundle.entry[2].resource.payload[0].extension[3].valueContactPoint.value'],
  ['contact not a phone', (b) => ((ext(payload(b), 'contact-extension')['valueContactPoint'] as Json)['system'] = 'email'), 'error MedComCareCommunication Communication.payload.extension:authorContact.valueContactPoint.system [= phone] @ Bundle.entry[2].resource.payload[0].extension[3].valueContactPoint.system'],
  ['date extension of the wrong type', (b) => { const e = ext(payload(b), 'datetime-extension'); delete e['valueDateTime']; e['valueString'] = 'i går'; }, 'error MedComCareCommunication Communication.payload.extension:date.value[x] [value[x] only DateTime] @ Bundle.entry[2].resource.payload[0].extension[0]'],
  ['attachment without title', (b) => (res(b, 'Communication')['payload'] as Json[]).push({ extension: (payload(b)['extension'] as Json[]).slice(0, 2), contentAttachment: { contentType: 'application/pdf', data: 'JVBERi0=' } }), 'error MedComCareCommunication Communication.payload:attachment.contentAttachment.title [1..1] @ Bundle.entry[2].resource.payload[1].contentAttachment'],
  ['attachment of a type MedCom does not allow', (b) => (res(b, 'Communication')['payload'] as Json[]).push({ extension: (payload(b)['extension'] as Json[]).slice(0, 2), contentAttachment: { contentType: 'application/zip', title: 'x', data: 'JVBERi0=' } }), 'error MedComCareCommunication Communication.payload:attachment.contentAttachment.contentType [required binding MedComCoreAttachmentMimeTypes] @ Bundle.entry[2].resource.payload[1].contentAttachment.contentType'],
  // MedComMessagingProvenance / MedComCareCommunicationProvenance
  ['activity outside the CareCommunication activities', (b) => (((res(b, 'Provenance')['activity'] as Json)['coding'] as Json[])[0]!['code'] = 'retract-message'), 'error MedComCareCommunicationProvenance Provenance.activity [required binding MedComCareCommunicationMessageActivities] @ Bundle.entry[7].resource.activity.coding[0]'],
  ['entity of no slice', (b) => (res(b, 'Provenance')['entity'] as Json[]).push({ role: 'derivation', what: { identifier: { value: 'x' } } }), 'error MedComCareCommunicationProvenance Provenance.entity [closed slicing (preceedingMessage, payload)] @ Bundle.entry[7].resource.entity[1]'],
  ['agent outside the Bundle', (b) => (res(b, 'Provenance')['agent'] = [{ who: { reference: 'Organization/elsewhere' } }]), 'error MedComMessagingProvenance Provenance.agent.who [Reference(MedComMessagingOrganization) {bundled}] @ Bundle.entry[7].resource.agent[0].who'],
  ['no occurredDateTime', (b) => delete res(b, 'Provenance')['occurredDateTime'], 'error MedComMessagingProvenance Provenance.occurredDateTime [1..1] @ Bundle.entry[7].resource'],
  // Governance
  ['segment the Provenance does not name', (b) => ((res(b, 'Provenance')['entity'] as Json[])[0]!['what'] = { identifier: { value: 'urn:uuid:00000000-0000-4000-8000-000000000000' } }), 'error MedCom CareCommunication governance Communication.payload [every segment has its Provenance] @ Bundle.entry[2].resource.payload[0]'],
  ['segment assigned by the receiver', (b) => ((ext(payload(b), 'identifier-extension')['valueIdentifier'] as Json)['assigner'] = { reference: `Organization/${IDS.municipality}` }), 'warning MedCom CareCommunication governance Communication.payload.extension:identifier.valueIdentifier.assigner [own segments assigned by the sender] @ Bundle.entry[2].resource.payload[0].extension[1].valueIdentifier'],
  ['Bundle.id not a UUID', (b) => (b['id'] = 'letter-1'), 'warning MedCom FHIR messaging governance Bundle.id [Bundle.id is a UUID] @ Bundle'],
  ['MessageHeader.id not a UUID', (b) => { res(b, 'MessageHeader')['id'] = 'm-1'; (b['entry'] as Json[])[0]!['fullUrl'] = 'https://conformance.pathway-graph.invalid/fhir/MessageHeader/m-1'; (res(b, 'Provenance')['target'] as Json[])[0] = { reference: 'MessageHeader/m-1' }; }, 'warning MedCom FHIR messaging governance MessageHeader.id [MessageHeader.id is a UUID] @ Bundle.entry[0].resource'],
  ['no narrative', (b) => delete res(b, 'Patient')['text'], 'warning MedCom narrative governance Resource.text [narrative required] @ Bundle.entry[1].resource'],
  ['narrative "generated" on a resource with extensions', (b) => ((res(b, 'Communication')['text'] as Json)['status'] = 'generated'), 'warning MedCom narrative governance Resource.text.status [narrative status] @ Bundle.entry[2].resource.text'],
  ['narrative without the id', (b) => ((res(b, 'Practitioner')['text'] as Json)['div'] = '<div xmlns="http://www.w3.org/1999/xhtml"><p>Mette Lund</p></div>'), 'warning MedCom narrative governance Resource.text.div [narrative includes id] @ Bundle.entry[4].resource.text'],
  ['category without its Danish display', (b) => ((res(b, 'Communication')['text'] as Json)['div'] = String((res(b, 'Communication')['text'] as Json)['div']).replace(' / Psykiatri, social, handicap', '')), 'warning MedComCareCommunication Communication.category.coding.code [SHALL:in-narrative] @ Bundle.entry[2].resource.category[0].coding[0]'],
  ['subject reference not in the narrative', (b) => ((res(b, 'Communication')['text'] as Json)['div'] = String((res(b, 'Communication')['text'] as Json)['div']).replace(`<p>Communication.subject.reference: Patient/${IDS.patient}</p>`, '')), 'warning MedComCareCommunication Communication.subject [SHALL:in-narrative] @ Bundle.entry[2].resource.subject'],
  ['patient name not in the narrative', (b) => ((res(b, 'Patient')['text'] as Json)['div'] = String((res(b, 'Patient')['text'] as Json)['div']).replaceAll('Testesen', 'T.')), 'warning MedComCorePatient Patient.name:official.family [SHALL:in-narrative] @ Bundle.entry[1].resource.name[0].family'],
];

suite('MedCom conformance suite: each rule finds what breaks it', () => {
  it.each(LETTER_CASES)('%s', (_what, mutate, expected) => {
    const bundle = igNewMessage() as Json;
    mutate(bundle);
    expect(checkCareCommunication(bundle).map(describe)).toContain(expected);
  });

  it('takes a reference shown as a link to the resource, as the IG publisher renders it (MedCom\'s own examples), and only to that resource', () => {
    const shown = (href: string) => {
      const bundle = igNewMessage() as Json;
      const text = res(bundle, 'Communication')['text'] as Json;
      text['div'] = String(text['div']).replace(`<p>Communication.subject.reference: Patient/${IDS.patient}</p>`, `<p>subject: <a href="${href}">Patient</a></p>`);
      return checkCareCommunication(bundle).filter((f) => f.element === 'Communication.subject').map(describe);
    };
    expect(shown(`Patient-${IDS.patient}.html`)).toEqual([]);
    expect(shown(`https://medcomfhir.dk/ig/carecommunication/Patient/${IDS.patient}`)).toEqual([]);
    expect(shown(`Patient-${IDS.patient.slice(0, -1)}0.html`)).toEqual(['warning MedComCareCommunication Communication.subject [SHALL:in-narrative] @ Bundle.entry[2].resource.subject']);
    expect(shown(`Patient-${IDS.patient}-copy.html`)).toEqual(['warning MedComCareCommunication Communication.subject [SHALL:in-narrative] @ Bundle.entry[2].resource.subject']);
  });

  it('a reply without the Provenance of the letter it answers', () => {
    const bundle = igReply() as Json;
    bundle['entry'] = (bundle['entry'] as Json[]).filter((e) => (e['resource'] as Json)['id'] !== IDS.letterProvenance);
    const found = checkCareCommunication(bundle).map(describe);
    expect(found).toContain('warning MedCom FHIR messaging governance Provenance [Provenance of every earlier message] @ Bundle.entry[9].resource.entity[0]');
    expect(found).toContain('error MedCom CareCommunication governance Communication.payload [every segment has its Provenance] @ Bundle.entry[2].resource.payload[1]');
  });

  it('a reply that does not name the message it answers', () => {
    const bundle = igReply() as Json;
    const own = res(bundle, 'Provenance');
    own['entity'] = (own['entity'] as Json[]).filter((e) => e['role'] !== 'revision');
    expect(checkCareCommunication(bundle).map(describe)).toContain(
      'warning MedCom CareCommunication governance Provenance.entity:preceedingMessage [reply names the earlier message] @ Bundle.entry[9].resource',
    );
  });

  it('a specific recipient from another organisation than the receiver', () => {
    const bundle = igReply() as Json;
    res(bundle, 'PractitionerRole', 1)['organization'] = { reference: `Organization/${IDS.municipality}` };
    expect(checkCareCommunication(bundle).map(describe)).toContain('error MedComCareCommunicationMessage Bundle [medcom-careCommunication-12] @ Bundle');
  });

  it('a quoted attachment that carries its content again', () => {
    const bundle = igReply() as Json;
    const quoted = (res(bundle, 'Communication')['payload'] as Json[])[1]!;
    const communication = res(bundle, 'Communication');
    (communication['payload'] as Json[]).push({
      extension: (quoted['extension'] as Json[]).slice(0, 2).map((e, i) => (i === 1 ? { ...e, valueIdentifier: { value: 'urn:uuid:7e8f9a0b-1c2d-4e3f-8a5b-6c7d8e9f0a1b', assigner: { reference: `Organization/${IDS.gpPractice}` } } } : e)),
      contentAttachment: { contentType: 'application/pdf', title: 'Skema', data: 'JVBERi0xLjcNCiW1tbW1DQoxIDAgb2JqDQo8PC9UeXBl' },
    });
    expect(checkCareCommunication(bundle).map(describe)).toContain(
      'warning MedCom CareCommunication governance Communication.payload:attachment.contentAttachment [quoted attachments without content] @ Bundle.entry[2].resource.payload[2].contentAttachment',
    );
  });
});

/** [what the mutation breaks, mutation of a valid fatal-error Acknowledgement, the finding it must produce]. */
const ACK_CASES: Array<[string, (b: Json) => void, string]> = [
  ['fatal-error without OperationOutcome', (b) => (b['entry'] = (b['entry'] as Json[]).filter((e) => (e['resource'] as Json)['resourceType'] !== 'OperationOutcome')), 'error MedComAcknowledgementMessage Bundle [medcom-acknowledgement-1] @ Bundle'],
  ['no response', (b) => delete res(b, 'MessageHeader')['response'], 'error MedComAcknowledgementMessageHeader MessageHeader.response [1..1] @ Bundle.entry[0].resource'],
  ['response code outside ResponseType', (b) => ((res(b, 'MessageHeader')['response'] as Json)['code'] = 'AR'), 'error FHIR R4 MessageHeader MessageHeader.response.code [required binding ResponseType] @ Bundle.entry[0].resource.response.code'],
  ['issue detail outside MedCom’s list', (b) => ((res(b, 'OperationOutcome')['issue'] as Json[])[0]!['details'] = { coding: [{ system: 'urn:x', code: 'broken' }] }), 'error MedComAcknowledgementOperationOutcome OperationOutcome.issue.details.coding [required binding MedComAcknowledgementIssueDetailValues] @ Bundle.entry[5].resource.issue[0].details.coding[0]'],
  ['issue severity outside IssueSeverity', (b) => ((res(b, 'OperationOutcome')['issue'] as Json[])[0]!['severity'] = 'bad'), 'error FHIR R4 OperationOutcome OperationOutcome.issue.severity [required binding IssueSeverity] @ Bundle.entry[5].resource.issue[0].severity'],
  ['issue without a description', (b) => delete (res(b, 'OperationOutcome')['issue'] as Json[])[0]!['details'], 'warning MedCom Acknowledgement governance OperationOutcome.issue [error described] @ Bundle.entry[5].resource.issue[0]'],
  ['a third Provenance', (b) => (b['entry'] as Json[]).push({ fullUrl: 'https://x.invalid/Provenance/p3', resource: { ...res(b, 'Provenance'), id: 'p3' } }), 'warning MedCom Acknowledgement governance Provenance [two Provenance] @ Bundle'],
  ['response naming another message', (b) => ((res(b, 'MessageHeader')['response'] as Json)['identifier'] = 'e0a1b2c3-d4e5-4f6a-8b7c-9d0e1f2a3b4c'), 'warning MedCom Acknowledgement governance MessageHeader.response.identifier [response names the acknowledged message] @ Bundle.entry[0].resource'],
  ['own Provenance of another activity', (b) => (((res(b, 'Provenance', 1)['activity'] as Json)['coding'] as Json[])[0]!['code'] = 'new-message'), 'warning MedCom Acknowledgement governance Provenance [Provenance of the Acknowledgement] @ Bundle.entry[2].resource'],
  ['event of a CareCommunication', (b) => ((res(b, 'MessageHeader')['eventCoding'] as Json)['code'] = 'care-communication-message'), 'warning MedCom Acknowledgement governance MessageHeader.eventCoding [event acknowledgement-message] @ Bundle.entry[0].resource'],
];

suite('MedCom conformance suite: Acknowledgement rules', () => {
  it.each(ACK_CASES)('%s', (_what, mutate, expected) => {
    const bundle = igAcknowledgement('fatal-error') as Json;
    mutate(bundle);
    expect(checkAcknowledgement(bundle).map(describe)).toContain(expected);
  });
});

suite('MedCom conformance suite: resends (reliable messaging)', () => {
  it('accepts a resend with a new Bundle.id and timestamp and the same MessageHeader.id', () => {
    const original = igNewMessage();
    const resent = { ...igNewMessage(), id: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a', timestamp: '2026-03-02T09:45:00+01:00' };
    expect(checkResend([original], resent)).toEqual([]);
  });

  it('finds a resend of the same bytes, and a fourth sending', () => {
    const original = igNewMessage();
    expect(checkResend([original], igNewMessage()).map((f) => f.rule)).toEqual(['new Bundle.id on resend', 'new timestamp on resend']);
    const sent = [0, 1, 2].map((i) => ({ ...original, id: `9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1${i}`, timestamp: `2026-03-02T09:4${i}:00+01:00` }));
    expect(checkResend(sent, { ...original, id: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b19', timestamp: '2026-03-02T10:00:00+01:00' }).map((f) => f.rule)).toEqual(['at most two resends']);
  });
});
