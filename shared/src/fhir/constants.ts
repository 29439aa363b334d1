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

/** DK Core's replacement CPR numbers (erstatnings-CPR): X-eCPR has one system, D-eCPR a system per issuer. */
export const X_ECPR_SYSTEM = 'urn:oid:1.2.208.176.1.6.1.1';
export const D_ECPR_SYSTEM_PREFIX = 'urn:oid:1.2.208.176.1.6.1.3';

/** MedCom Core's coded practitioner roles (MedComCorePractitionerRoles). */
export const ROLE_SYSTEM = {
  authorisation: 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-core-PractitionerRolesAutorisationsregistret',
  sksAdministrative: 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-core-PractitionerRolesSKSadministrativ',
} as const;

/**
 * How a code reads in a narrative: MedCom's narrative governance (5.2.3) wants a code shown by its display, in English
 * and Danish where the code system has both. Transcribed from medcomdk/dk-medcom-terminology 2.0.1 for the codes this
 * system sends; the conformance suite (conformance/terminology.ts) holds its own copy to check them against.
 */
export interface CodeDisplay {
  display: string;
  /** The Danish designation, where the code system has one. */
  da?: string;
}

export const CATEGORY_DISPLAY: Record<string, CodeDisplay> = {
  'alcohol-and-drug-treatment': { display: 'Alcohol and drug treatment', da: 'Rusmiddelbehandling' },
  'assistive-devices': { display: 'Assistive technology', da: 'Hjælpemidler' },
  carecoordination: { display: 'Care Coordination', da: 'Forløbskoordinering' },
  decease: { display: 'Decease', da: 'Dødsfald' },
  discharge: { display: 'Discharge', da: 'Udskrivelse' },
  'examination-results': { display: 'Examination Results', da: 'Undersøgelsessvar' },
  healthcare: { display: 'Healthcare', da: 'Sundhedspleje' },
  'home-care-assessment': { display: 'Home care assessment', da: 'Visitation' },
  medicine: { display: 'Medicine', da: 'Medicin' },
  nursing: { display: 'Nursing', da: 'Sygepleje' },
  outpatient: { display: 'Outpatient', da: 'Ambulant' },
  'psychiatry-social-disability': { display: 'Psychiatry, Social, Disability', da: 'Psykiatri, social, handicap' },
  'regarding-referral': { display: 'Regarding Referral', da: 'Vedr. henvisning' },
  telemedicine: { display: 'Telemedicine', da: 'Telemedicin' },
  training: { display: 'Training', da: 'Træning' },
  'acute-ambulant': { display: 'Acute ambulant', da: 'Akut ambulant' },
  'extended-care-responsibility': { display: 'Extended care responsibility', da: 'Udvidet behandlingsansvar' },
  other: { display: 'Other', da: 'Andet' },
};

/** MedComMessagingActivityCodes (the code system has no Danish designations). */
export const ACTIVITY_DISPLAY: Record<string, CodeDisplay> = {
  'new-message': { display: 'A new message has been sent' },
  'forward-message': { display: 'A message has been forwarded and potentially changed' },
  'reply-message': { display: 'A message has been replied to' },
  'retract-message': { display: 'A message has been retracted/cancelled' },
  'modified-message': { display: 'A message has been modified' },
  acknowledgement: { display: 'Acknowledgement message has been sent' },
};

export const EVENT_DISPLAY: Record<string, CodeDisplay> = {
  'care-communication-message': { display: 'Care Communication Message' },
  'acknowledgement-message': { display: 'Acknowledgement Message' },
};

export const DESTINATION_USE_DISPLAY: CodeDisplay = { display: 'Primary destination' };

/** The roles this system codes (its displays are Danish: the code systems are). */
export const ROLE_DISPLAY: Record<string, CodeDisplay> = {
  laege: { display: 'Læge' },
  sygeplejerske: { display: 'Sygeplejerske' },
  psykolog: { display: 'Psykolog' },
  sundhedsplejerske: { display: 'Sundhedsplejerske' },
  socialraadgiver: { display: 'Socialrådgiver' },
};

// --- MedCom Acknowledgement 2.0 ---------------------------------------------------------------------------------------

export const ACK_PROFILE = {
  bundle: 'http://medcomfhir.dk/ig/acknowledgement/StructureDefinition/medcom-messaging-acknowledgement',
  messageHeader: 'http://medcomfhir.dk/ig/acknowledgement/StructureDefinition/medcom-messaging-acknowledgementHeader',
  provenance: 'http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-provenance',
  operationOutcome: 'http://medcomfhir.dk/ig/acknowledgement/StructureDefinition/medcom-acknowledgement-operationoutcome',
} as const;

export const ACK_EVENT_CODE = 'acknowledgement-message';
export const ACK_ACTIVITY = 'acknowledgement';
export const RESPONSE_CODE_SYSTEM = 'http://hl7.org/fhir/response-code';
/** MedCom's own issue descriptions (MedComAcknowledgementIssueDetailValues draws from this and FHIR's operation-outcome). */
export const ACK_ERROR_CODE_SYSTEM = 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-acknowledgement-error-codes';

export const RESPONSE_CODE_DISPLAY: Record<string, CodeDisplay> = {
  ok: { display: 'OK' },
  'transient-error': { display: 'Transient Error' },
  'fatal-error': { display: 'Fatal Error' },
};

export const ACK_ERROR_DISPLAY: Record<string, CodeDisplay> = {
  MSG_Receiver_Identifier_UNKNOWN: { display: 'Receiver identifier unknown' },
  MSG_Receiver_Identifier_MISSING: { display: 'Receiver identifier missing' },
  MSG_RECEIVER_UNABLE_TO_RECEIVE_MSG_TYPE: { display: 'Receiver unable to receive this message type' },
  MSG_VALUESET_VALUE_UNKNOWN: { display: 'The value provided is not in the valueSet' },
  MSG_CodeSystem_VALUE_UNKNOWN: { display: 'The value provided is not in the CodeSystem' },
  MSG_Element_To_Long: { display: 'The value of the element is to long' },
  MSG_Datatype_Wrong: { display: 'The data type is wrong' },
  MSG_Mailbox_Out_Of_Operation: { display: 'The mailbox is temporary out of operation' },
  MSG_Damaged_durin_transport: { display: 'The message has been damaged during trasport' },
};
