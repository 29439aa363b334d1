import { SRC } from '../sources.ts';
import { profile, ruleSet } from './dsl.ts';
import { CC, MEDCOM_MESSAGING_MESSAGE, MEDCOM_MESSAGING_MESSAGE_HEADER } from './messaging.ts';

/**
 * MedCom Acknowledgement 2.0.3. Its own sushi-config builds on Messaging 2.1.0; the Messaging rules applied here are
 * those of 4.0.x (the version CareCommunication 5.0 uses), which add narrative obligations and `activity.coding 1..1`
 * to 2.1.0 and are otherwise the same (see README).
 */

const m = ruleSet(SRC.ackMessage);
const h = ruleSet(SRC.ackHeader);
const o = ruleSet(SRC.ackOutcome);

export const ACK_HEADER_URL = 'http://medcomfhir.dk/ig/acknowledgement/StructureDefinition/medcom-messaging-acknowledgementHeader';

export const MEDCOM_ACKNOWLEDGEMENT_MESSAGE_HEADER = profile({
  name: 'MedComAcknowledgementMessageHeader',
  url: ACK_HEADER_URL,
  type: 'MessageHeader',
  parent: MEDCOM_MESSAGING_MESSAGE_HEADER,
  rules: [
    h.card('MessageHeader.destination:cc', CC, 0, 0),
    h.card('MessageHeader.response', 'response', 1, 1),
    h.reference('MessageHeader.response.details', 'details', { OperationOutcome: 'MedComAcknowledgementOperationOutcome' }, false, { context: 'response' }),
  ],
});

export const MEDCOM_ACKNOWLEDGEMENT_OPERATION_OUTCOME = profile({
  name: 'MedComAcknowledgementOperationOutcome',
  url: 'http://medcomfhir.dk/ig/acknowledgement/StructureDefinition/medcom-acknowledgement-operationoutcome',
  type: 'OperationOutcome',
  rules: [o.binding('OperationOutcome.issue.details.coding', 'coding', 'MedComAcknowledgementIssueDetailValues', { context: 'issue.details' })],
});

export const MEDCOM_ACKNOWLEDGEMENT_MESSAGE = profile({
  name: 'MedComAcknowledgementMessage',
  url: 'http://medcomfhir.dk/ig/acknowledgement/StructureDefinition/medcom-messaging-acknowledgement',
  type: 'Bundle',
  parent: MEDCOM_MESSAGING_MESSAGE,
  entryProfiles: [
    { resourceType: 'MessageHeader', first: true, profile: 'MedComAcknowledgementMessageHeader' },
    { resourceType: 'Provenance', profile: 'MedComMessagingProvenance' },
  ],
  rules: [
    m.invariant('medcom-acknowledgement-2', 'Bundle', 'The message header shall conform to medcom-messaging-acknowledgementHeader profile.', `entry.resource.ofType(MessageHeader).conformsTo('${ACK_HEADER_URL}')`),
    m.invariant(
      'medcom-acknowledgement-1',
      'Bundle',
      "If the response.code is different than 'ok', a reference to an OperationOutcome resource shall be included.",
      "iif(entry.resource.ofType(MessageHeader).response.code = 'ok', true, entry.resource.ofType(MessageHeader).response.code != 'ok' and entry.resource.ofType(OperationOutcome).exists())",
    ),
  ],
});
