/**
 * The MedCom values a CareCommunication message is recognised by. Every value here is copied from the verified vendor
 * messages in `shared/src/fhir/fixtures/medcom/` (or from the MedCom IG where those examples are silent), because a receiver on
 * the MedCom network matches them character for character.
 */

export const PROFILE = {
  bundle: 'http://medcomfhir.dk/ig/carecommunication/StructureDefinition/medcom-careCommunication-message',
  messageHeader: 'http://medcomfhir.dk/ig/carecommunication/StructureDefinition/medcom-careCommunication-messageHeader',
  communication: 'http://medcomfhir.dk/ig/carecommunication/StructureDefinition/medcom-careCommunication-communication',
  provenance: 'http://medcomfhir.dk/ig/carecommunication/StructureDefinition/medcom-careCommunication-provenance',
  organization: 'http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-organization',
  patient: 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-patient',
  practitioner: 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-practitioner',
  practitionerRole: 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-practitionerrole',
  careTeam: 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-careteam',
} as const;

export const SYSTEM = {
  cpr: 'urn:oid:1.2.208.176.1.2',
  sor: 'urn:oid:1.2.208.176.1.1',
  gln: 'https://www.gs1.org/gln',
  eventCodes: 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-eventCodes',
  activityCodes: 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-activityCodes',
  categoryCodes: 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-careCommunication-categoryCodes',
  destinationUse: 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-destinationUse',
} as const;

export const EXTENSION = {
  destinationUse: 'http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-destinationUseExtension',
  sender: 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-sender-extension',
  payloadDate: 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-datetime-extension',
  payloadIdentifier: 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-identifier-extension',
  payloadAuthor: 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-practitioner-extension',
  payloadAuthorContact: 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-contact-extension',
} as const;

export const EVENT_CODE = 'care-communication-message';

/** The definition EG Clinea and Systematic Columna Cura send (CareCommunication 5.0); what we send. */
export const MESSAGE_DEFINITION_BASE =
  'http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/MedComCareCommunicationMessageDefinition';
export const MESSAGE_DEFINITION = `${MESSAGE_DEFINITION_BASE}|5.0`;
/** The 4.0 definition Vena still sends; accepted and reported as a deviation. */
export const LEGACY_MESSAGE_DEFINITION_BASE =
  'http://medcomfhir.dk/ig/carecommunication/medcom-careCommunication-message-definition';

/** Vena's spellings of the CPR and SOR systems (see fixtures/medcom/README.md). */
export const CPR_SYSTEM_WITHOUT_URN = '1.2.208.176.1.2';
export const SOR_SYSTEM_MISSING_COLON = 'urn:oid1.2.208.176.1.1';

/** MessageHeader endpoints are SOR look-up URLs in all three vendors' messages. */
export const SOR_ENDPOINT_PREFIX = 'https://sor2.sum.dsdn.dk/#id=';
