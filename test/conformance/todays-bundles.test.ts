import { describe as suite, expect, it } from 'vitest';
import { buildCareCommunicationBundle } from '@pathway-graph/shared/fhir/build';
import { letterMessage } from '../../subgraphs/general-practice/src/rules/message.ts';
import { letterRow, practice, todaysLetter, todaysReply, wire } from './todays-bundles.ts';
import { checkCareCommunication, checkResend, describe } from '@pathway-graph/shared/fhir/conformance/validate';

/**
 * The bundles this system sends today, run through the MedCom conformance suite. Phase 1 of issue 14 records exactly
 * which rules they break, so that the builders' repair (phase 2) turns each list below into an empty one; a change
 * that fixes or breaks a rule shows here as a changed list.
 */

const errorsAndWarnings = (bundle: unknown) =>
  checkCareCommunication(bundle)
    .filter((f) => f.severity !== 'information')
    .map(describe);

suite("today's bundles against MedCom CareCommunication 5.0.4", () => {
  it("today's letter breaks exactly these MedCom rules", () => {
    expect(errorsAndWarnings(todaysLetter())).toEqual(TODAYS_LETTER);
  });

  it("today's reply breaks exactly these MedCom rules", () => {
    expect(errorsAndWarnings(todaysReply())).toEqual(TODAYS_REPLY);
  });

  it("today's bundles follow only these MedCom recommendations not: the author's role is free text", () => {
    const information = (bundle: unknown) => checkCareCommunication(bundle).filter((f) => f.severity === 'information').map(describe);
    expect(information(todaysLetter())).toEqual([
      'information MedComCorePractitionerRole PractitionerRole.code [coded role recommended] @ Bundle.entry[5].resource.code[0]',
    ]);
    expect(information(todaysReply())).toEqual([
      'information MedComCorePractitionerRole PractitionerRole.code [coded role recommended] @ Bundle.entry[5].resource.code[0]',
      'information MedComCorePractitionerRole PractitionerRole.code [coded role recommended] @ Bundle.entry[7].resource.code[0]',
    ]);
  });

  it('a client message id that is not a UUID becomes a MessageHeader.id MedCom does not accept', () => {
    const bundle = wire(buildCareCommunicationBundle(letterMessage({ ...letterRow, messageId: 'gp-107510-0001' }, practice)));
    expect(checkCareCommunication(bundle).map(describe)).toContain(
      'warning MedCom FHIR messaging governance MessageHeader.id [MessageHeader.id is a UUID] @ Bundle.entry[0].resource',
    );
  });

  it("today's retried delivery resends the same Bundle.id and timestamp, which MedCom's reliable messaging forbids", () => {
    // The outbox worker delivers the stored bundle again; building it again from the same letter gives the same bytes.
    expect(checkResend([todaysLetter()], todaysLetter()).map((f) => f.rule)).toEqual(['new Bundle.id on resend', 'new timestamp on resend']);
  });
});

const TODAYS_LETTER: string[] = [
  'warning MedComMessagingMessageHeader MessageHeader.destination:primary.endpoint [SHALL:in-narrative] @ Bundle.entry[0].resource.destination[0].endpoint',
  'warning MedComMessagingMessageHeader MessageHeader.destination:primary.receiver [SHALL:in-narrative] @ Bundle.entry[0].resource.destination[0].receiver',
  'warning MedComMessagingMessageHeader MessageHeader.id [SHALL:in-narrative] @ Bundle.entry[0].resource.id',
  'warning MedComMessagingMessageHeader MessageHeader.eventCoding.code [SHALL:in-narrative] @ Bundle.entry[0].resource.eventCoding',
  'warning MedComMessagingMessageHeader MessageHeader.sender [SHALL:in-narrative] @ Bundle.entry[0].resource.sender',
  'warning MedComMessagingMessageHeader MessageHeader.source.endpoint [SHALL:in-narrative] @ Bundle.entry[0].resource.source.endpoint',
  'warning MedComMessagingMessageHeader MessageHeader.destination.extension:use.valueCoding.code [SHALL:in-narrative] @ Bundle.entry[0].resource.destination[0].extension[0].valueCoding',
  'warning MedComCareCommunicationMessageHeader MessageHeader.focus [SHALL:in-narrative] @ Bundle.entry[0].resource.focus[0]',
  'warning MedComMessagingProvenance Provenance.id [SHALL:in-narrative] @ Bundle.entry[7].resource.id',
  'warning MedComMessagingProvenance Provenance.occurredDateTime [SHALL:in-narrative] @ Bundle.entry[7].resource.occurredDateTime',
  'warning MedComMessagingProvenance Provenance.activity.coding.code [SHALL:in-narrative] @ Bundle.entry[7].resource.activity.coding[0]',
  'warning MedComMessagingProvenance Provenance.agent.who [SHALL:in-narrative] @ Bundle.entry[7].resource.agent[0].who',
  'warning MedComMessagingProvenance Provenance.entity.role [SHALL:in-narrative] @ Bundle.entry[7].resource.entity[0].role',
  'warning MedComMessagingProvenance Provenance.entity.what.identifier [SHALL:in-narrative] @ Bundle.entry[7].resource.entity[0].what.identifier',
  'error MedComCorePatient Patient.name [1..*] @ Bundle.entry[1].resource',
  'error MedComCorePatient Patient.name:official [1..1] @ Bundle.entry[1].resource',
  'warning MedComCorePatient Patient.id [SHALL:in-narrative] @ Bundle.entry[1].resource.id',
  'warning MedComCareCommunication Communication.identifier.value [UUID version 4] @ Bundle.entry[2].resource.identifier[0].value',
  'warning MedComCareCommunication Communication.payload.extension:identifier.valueIdentifier.value [UUID version 4] @ Bundle.entry[2].resource.payload[0].extension[1].valueIdentifier.value',
  'warning MedComCareCommunication Communication.payload.extension:authorContact.valueContactPoint.value [medcom-core-contact (description)] @ Bundle.entry[2].resource.payload[0].extension[3].valueContactPoint.value',
  'warning MedComCareCommunication Communication.id [SHALL:in-narrative] @ Bundle.entry[2].resource.id',
  'warning MedComCareCommunication Communication.extension:sender [SHALL:in-narrative] @ Bundle.entry[2].resource.extension[0]',
  'warning MedComCareCommunication Communication.status [SHALL:in-narrative] @ Bundle.entry[2].resource.status',
  'warning MedComCareCommunication Communication.category.coding.code [SHALL:in-narrative] @ Bundle.entry[2].resource.category[0].coding[0]',
  'warning MedComCareCommunication Communication.subject [SHALL:in-narrative] @ Bundle.entry[2].resource.subject',
  'warning MedComCareCommunication Communication.payload:string.extension:author [SHALL:in-narrative] @ Bundle.entry[2].resource.payload[0].extension[2]',
  'warning MedComCareCommunication Communication.payload:string.extension:authorContact [SHALL:in-narrative] @ Bundle.entry[2].resource.payload[0].extension[3]',
  'warning MedComCoreOrganization Organization.id [SHALL:in-narrative] @ Bundle.entry[3].resource.id',
  'warning MedComCoreOrganization Organization.id [SHALL:in-narrative] @ Bundle.entry[4].resource.id',
  'warning MedComCorePractitionerRole PractitionerRole.id [SHALL:in-narrative] @ Bundle.entry[5].resource.id',
  'warning MedComCorePractitionerRole PractitionerRole.practitioner [SHALL:in-narrative] @ Bundle.entry[5].resource.practitioner',
  'warning MedComCorePractitionerRole PractitionerRole.organization [SHALL:in-narrative] @ Bundle.entry[5].resource.organization',
  'warning MedComCorePractitioner Practitioner.id [SHALL:in-narrative] @ Bundle.entry[6].resource.id',
  'warning MedCom narrative governance Resource.text.status [narrative status] @ Bundle.entry[0].resource.text',
  'warning MedCom narrative governance Resource.text.div [narrative includes id] @ Bundle.entry[0].resource.text',
  'warning MedCom narrative governance Resource.text.div [narrative includes id] @ Bundle.entry[1].resource.text',
  'warning MedCom narrative governance Resource.text.status [narrative status] @ Bundle.entry[2].resource.text',
  'warning MedCom narrative governance Resource.text.div [narrative includes id] @ Bundle.entry[2].resource.text',
  'warning MedCom narrative governance Resource.text.div [narrative includes id] @ Bundle.entry[3].resource.text',
  'warning MedCom narrative governance Resource.text.div [narrative includes id] @ Bundle.entry[4].resource.text',
  'warning MedCom narrative governance Resource.text.div [narrative includes id] @ Bundle.entry[5].resource.text',
  'warning MedCom narrative governance Resource.text.div [narrative includes id] @ Bundle.entry[6].resource.text',
  'warning MedCom narrative governance Resource.text.div [narrative includes id] @ Bundle.entry[7].resource.text',
];
const TODAYS_REPLY: string[] = [
  'warning MedCom FHIR messaging governance Provenance [Provenance of every earlier message] @ Bundle.entry[9].resource.entity[0]',
  'error MedCom CareCommunication governance Communication.payload [every segment has its Provenance] @ Bundle.entry[2].resource.payload[1]',
  'warning MedComMessagingMessageHeader MessageHeader.destination:primary.endpoint [SHALL:in-narrative] @ Bundle.entry[0].resource.destination[0].endpoint',
  'warning MedComMessagingMessageHeader MessageHeader.destination:primary.receiver [SHALL:in-narrative] @ Bundle.entry[0].resource.destination[0].receiver',
  'warning MedComMessagingMessageHeader MessageHeader.id [SHALL:in-narrative] @ Bundle.entry[0].resource.id',
  'warning MedComMessagingMessageHeader MessageHeader.eventCoding.code [SHALL:in-narrative] @ Bundle.entry[0].resource.eventCoding',
  'warning MedComMessagingMessageHeader MessageHeader.sender [SHALL:in-narrative] @ Bundle.entry[0].resource.sender',
  'warning MedComMessagingMessageHeader MessageHeader.source.endpoint [SHALL:in-narrative] @ Bundle.entry[0].resource.source.endpoint',
  'warning MedComMessagingMessageHeader MessageHeader.destination.extension:use.valueCoding.code [SHALL:in-narrative] @ Bundle.entry[0].resource.destination[0].extension[0].valueCoding',
  'warning MedComCareCommunicationMessageHeader MessageHeader.focus [SHALL:in-narrative] @ Bundle.entry[0].resource.focus[0]',
  'warning MedComMessagingProvenance Provenance.id [SHALL:in-narrative] @ Bundle.entry[9].resource.id',
  'warning MedComMessagingProvenance Provenance.occurredDateTime [SHALL:in-narrative] @ Bundle.entry[9].resource.occurredDateTime',
  'warning MedComMessagingProvenance Provenance.activity.coding.code [SHALL:in-narrative] @ Bundle.entry[9].resource.activity.coding[0]',
  'warning MedComMessagingProvenance Provenance.agent.who [SHALL:in-narrative] @ Bundle.entry[9].resource.agent[0].who',
  'warning MedComMessagingProvenance Provenance.entity.role [SHALL:in-narrative] @ Bundle.entry[9].resource.entity[0].role',
  'warning MedComMessagingProvenance Provenance.entity.role [SHALL:in-narrative] @ Bundle.entry[9].resource.entity[1].role',
  'warning MedComMessagingProvenance Provenance.entity.what.identifier [SHALL:in-narrative] @ Bundle.entry[9].resource.entity[1].what.identifier',
  'error MedComCorePatient Patient.name [1..*] @ Bundle.entry[1].resource',
  'error MedComCorePatient Patient.name:official [1..1] @ Bundle.entry[1].resource',
  'warning MedComCorePatient Patient.id [SHALL:in-narrative] @ Bundle.entry[1].resource.id',
  'warning MedComCareCommunication Communication.identifier.value [UUID version 4] @ Bundle.entry[2].resource.identifier[0].value',
  'error MedComCareCommunication Communication.payload:string.extension:authorContact [1..1] @ Bundle.entry[2].resource.payload[0]',
  'warning MedComCareCommunication Communication.payload.extension:identifier.valueIdentifier.value [UUID version 4] @ Bundle.entry[2].resource.payload[0].extension[1].valueIdentifier.value',
  'warning MedComCareCommunication Communication.payload.extension:identifier.valueIdentifier.value [UUID version 4] @ Bundle.entry[2].resource.payload[1].extension[1].valueIdentifier.value',
  'warning MedComCareCommunication Communication.payload.extension:authorContact.valueContactPoint.value [medcom-core-contact (description)] @ Bundle.entry[2].resource.payload[1].extension[3].valueContactPoint.value',
  'warning MedComCareCommunication Communication.id [SHALL:in-narrative] @ Bundle.entry[2].resource.id',
  'warning MedComCareCommunication Communication.extension:sender [SHALL:in-narrative] @ Bundle.entry[2].resource.extension[0]',
  'warning MedComCareCommunication Communication.status [SHALL:in-narrative] @ Bundle.entry[2].resource.status',
  'warning MedComCareCommunication Communication.category.coding.code [SHALL:in-narrative] @ Bundle.entry[2].resource.category[0].coding[0]',
  'warning MedComCareCommunication Communication.subject [SHALL:in-narrative] @ Bundle.entry[2].resource.subject',
  'warning MedComCareCommunication Communication.recipient [SHALL:in-narrative] @ Bundle.entry[2].resource.recipient[0]',
  'warning MedComCareCommunication Communication.payload:string.extension:author [SHALL:in-narrative] @ Bundle.entry[2].resource.payload[0].extension[2]',
  'warning MedComCareCommunication Communication.payload:string.extension:author [SHALL:in-narrative] @ Bundle.entry[2].resource.payload[1].extension[2]',
  'warning MedComCareCommunication Communication.payload:string.extension:authorContact [SHALL:in-narrative] @ Bundle.entry[2].resource.payload[1].extension[3]',
  'warning MedComCoreOrganization Organization.id [SHALL:in-narrative] @ Bundle.entry[3].resource.id',
  'warning MedComCoreOrganization Organization.id [SHALL:in-narrative] @ Bundle.entry[4].resource.id',
  'warning MedComCorePractitionerRole PractitionerRole.id [SHALL:in-narrative] @ Bundle.entry[5].resource.id',
  'warning MedComCorePractitionerRole PractitionerRole.practitioner [SHALL:in-narrative] @ Bundle.entry[5].resource.practitioner',
  'warning MedComCorePractitionerRole PractitionerRole.organization [SHALL:in-narrative] @ Bundle.entry[5].resource.organization',
  'warning MedComCorePractitioner Practitioner.id [SHALL:in-narrative] @ Bundle.entry[6].resource.id',
  'warning MedComCorePractitionerRole PractitionerRole.id [SHALL:in-narrative] @ Bundle.entry[7].resource.id',
  'warning MedComCorePractitionerRole PractitionerRole.practitioner [SHALL:in-narrative] @ Bundle.entry[7].resource.practitioner',
  'warning MedComCorePractitionerRole PractitionerRole.organization [SHALL:in-narrative] @ Bundle.entry[7].resource.organization',
  'warning MedComCorePractitioner Practitioner.id [SHALL:in-narrative] @ Bundle.entry[8].resource.id',
  'warning MedCom narrative governance Resource.text.status [narrative status] @ Bundle.entry[0].resource.text',
  'warning MedCom narrative governance Resource.text.div [narrative includes id] @ Bundle.entry[0].resource.text',
  'warning MedCom narrative governance Resource.text.div [narrative includes id] @ Bundle.entry[1].resource.text',
  'warning MedCom narrative governance Resource.text.status [narrative status] @ Bundle.entry[2].resource.text',
  'warning MedCom narrative governance Resource.text.div [narrative includes id] @ Bundle.entry[2].resource.text',
  'warning MedCom narrative governance Resource.text.div [narrative includes id] @ Bundle.entry[3].resource.text',
  'warning MedCom narrative governance Resource.text.div [narrative includes id] @ Bundle.entry[4].resource.text',
  'warning MedCom narrative governance Resource.text.div [narrative includes id] @ Bundle.entry[5].resource.text',
  'warning MedCom narrative governance Resource.text.div [narrative includes id] @ Bundle.entry[6].resource.text',
  'warning MedCom narrative governance Resource.text.div [narrative includes id] @ Bundle.entry[7].resource.text',
  'warning MedCom narrative governance Resource.text.div [narrative includes id] @ Bundle.entry[8].resource.text',
  'warning MedCom narrative governance Resource.text.div [narrative includes id] @ Bundle.entry[9].resource.text',
];
