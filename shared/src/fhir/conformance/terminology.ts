/**
 * The code systems and value sets the profiles bind to, transcribed from `medcomdk/dk-medcom-terminology` (2.0.1,
 * the version CareCommunication 5.0.4 depends on; files named per entry) and, for HL7 code systems, FHIR R4.
 * Displays are what a narrative shows: MedCom's governance wants the Danish designation and the English display.
 */

export interface Concept {
  display: string;
  /** The Danish designation, where the code system has one. */
  da?: string;
}

export interface CodeSystem {
  url: string;
  /** MedCom's code systems declare `caseSensitive = false`. */
  caseSensitive: boolean;
  concepts: Record<string, Concept>;
}

const MEDCOM_CS = 'http://medcomfhir.dk/ig/terminology/CodeSystem/';

const cs = (url: string, caseSensitive: boolean, concepts: Record<string, Concept>): CodeSystem => ({ url, caseSensitive, concepts });
const plain = (entries: Record<string, string>): Record<string, Concept> =>
  Object.fromEntries(Object.entries(entries).map(([code, display]) => [code, { display }]));

export const CODE_SYSTEMS: CodeSystem[] = [
  // input/fsh/MedComCareCommunicationCategories.fsh
  cs(`${MEDCOM_CS}medcom-careCommunication-categoryCodes`, false, {
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
  }),
  // input/fsh/MedComMessagingActivityCodes.fsh (no Danish designations in the code system)
  cs(
    `${MEDCOM_CS}medcom-messaging-activityCodes`,
    false,
    plain({
      'new-message': 'A new message has been sent',
      'forward-message': 'A message has been forwarded and potentially changed',
      'reply-message': 'A message has been replied to',
      'retract-message': 'A message has been retracted/cancelled',
      'modified-message': 'A message has been modified',
      'carboncopy-message': 'An exact copy of a message to a primary receiver has been sent to a carbon copy receiver',
      acknowledgement: 'Acknowledgement message has been sent',
    }),
  ),
  // input/fsh/MedComMessagingMessageTypes.fsh
  cs(
    `${MEDCOM_CS}medcom-messaging-eventCodes`,
    false,
    plain({
      'empty-message': 'Message with no content',
      'care-communication-message': 'Care Communication Message',
      'hospital-notification-message': 'Hospital Notification Message',
      'acknowledgement-message': 'Acknowledgement Message',
      'homecareobservation-message': 'HomeCare Observation Message',
    }),
  ),
  // input/fsh/MedComMessagingDesinationUseCodes.fsh
  cs(`${MEDCOM_CS}medcom-messaging-destinationUse`, false, plain({ primary: 'Primary destination', cc: 'Carbon-copy destination' })),
  // input/fsh/MedComCorePractitionerRolesAutorisationsregistret.fsh (displays are Danish)
  cs(
    `${MEDCOM_CS}medcom-core-PractitionerRolesAutorisationsregistret`,
    false,
    plain({
      ambulancebehandler: 'Ambulancebehandler',
      bandagist: 'Bandagist',
      behandlerfarmaceut: 'Behandlerfarmaceut',
      bioanalytiker: 'Bioanalytiker',
      ergoterapeut: 'Ergoterapeut',
      fodterapeut: 'Fodterapeut',
      fysioterapeut: 'Fysioterapeut',
      jordemoder: 'Jordemoder',
      kiropraktor: 'Kiropraktor',
      kliniskdiaetist: 'Kliniskdiætist',
      klinisktandtekniker: 'Klinisktandkliniker',
      laege: 'Læge',
      optikerogoptometrist: 'Optiker og Optometrist',
      osteopat: 'Osteopat',
      radiograf: 'Radiograf',
      socialogsundhedsassistent: 'Social- og sundhedsassistent',
      sygeplejerske: 'Sygeplejerske',
      tandlaege: 'Tandlæge',
      tandplejer: 'Tandplejer',
    }),
  ),
  // input/fsh/MedComCorePractitionerRolesSKSAdministrativ.fsh (displays are Danish)
  cs(
    `${MEDCOM_CS}medcom-core-PractitionerRolesSKSadministrativ`,
    false,
    plain({
      speciallaege: 'Speciallæge',
      speciallaegeipraksis: 'Speciallæge i praksis',
      cheflaege: 'Cheflæge',
      overlaege: 'Overlæge',
      afdelingslaege: 'Afdelingslæge',
      sygehuslaege: 'Sygehuslæge',
      sygeplejerske: 'Sygeplejerske',
      sundhedsplejerske: 'Sundhedsplejerske',
      socialogsundhedsassistent: 'Social- og sundhedsassistent',
      socialogsundhedsmedhjaelper: 'Social- og sundhedsmedhjælper',
      socialogsundhedsmehjaelper: 'Social- og sundhedsmedhjælper',
      sygehjaelper: 'Sygehjælper',
      plejer: 'Plejer',
      plejehjemsassistent: 'Plejehjemsassistent',
      tandlaege: 'Tandlæge',
      klinisktandtekniker: 'Klinisk tandtekniker',
      tandplejer: 'Tandplejer',
      farmaceut: 'Farmaceut',
      apoteker: 'Apoteker',
      psykolog: 'Psykolog',
      pyskolog: 'Psykolog',
      jordemoder: 'Jordemoder',
      fysioterapeut: 'Fysioterapeut',
      ergoterapeut: 'Ergoterapeut',
      bioanalytiker: 'Bioanalytiker',
      radiograf: 'Radiograf',
      diaetist: 'Diætist',
      diaetistassistent: 'Diætistassistent',
      audilogiassistent: 'Audilogiassistent',
      neurofysiologassistent: 'Neurofysiologassistent',
      kiropraktor: 'Kiropraktor',
      zoneterapeut: 'Zoneterapeut',
      psykoterapeut: 'Psykoterapeut',
      audiologopaed: 'Audiologopæd',
      laegesekretaer: 'Lægesekretær',
      ledendelaegesekretaer: 'Ledende lægesekretær',
      sygeplejesekretaer: 'Sygeplejesekretær',
      sygeplejesekretear: 'Sygeplejesekretær',
      fodterapeut: 'Fodterapeut',
      socialraadgiver: 'Socialrådgiver',
      ledendesocialraadgiver: 'Ledende socialrådgiver',
      laerer: 'Lærer',
      paedagog: 'Pædagog',
      beskaeftigelsesvejleder: 'Beskæftigelsesvejleder',
      bandagist: 'Bandagist',
      skomager: 'Skomager',
      optiker: 'Optiker',
    }),
  ),
  // input/fsh/MedComAcknowledgementErrorCodes.fsh
  cs(
    `${MEDCOM_CS}medcom-acknowledgement-error-codes`,
    false,
    plain({
      MSG_Receiver_Identifier_UNKNOWN: 'Receiver identifier unknown',
      MSG_Receiver_Identifier_MISSING: 'Receiver identifier missing',
      MSG_RECEIVER_UNABLE_TO_RECEIVE_MSG_TYPE: 'Receiver unable to receive this message type',
      MSG_VALUESET_VALUE_UNKNOWN: 'The value provided is not in the valueSet',
      MSG_CodeSystem_VALUE_UNKNOWN: 'The value provided is not in the CodeSystem',
      MSG_Element_To_Long: 'The value of the element is to long',
      MSG_Datatype_Wrong: 'The data type is wrong',
      MSG_Mailbox_Out_Of_Operation: 'The mailbox is temporary out of operation',
      MSG_Damaged_durin_transport: 'The message has been damaged during trasport',
    }),
  ),
  // FHIR R4 code systems
  cs('http://hl7.org/fhir/request-priority', true, plain({ routine: 'Routine', urgent: 'Urgent', asap: 'ASAP', stat: 'STAT' })),
  cs('http://hl7.org/fhir/response-code', true, plain({ ok: 'OK', 'transient-error': 'Transient Error', 'fatal-error': 'Fatal Error' })),
  cs('http://hl7.org/fhir/issue-severity', true, plain({ fatal: 'Fatal', error: 'Error', warning: 'Warning', information: 'Information' })),
  cs('http://hl7.org/fhir/narrative-status', true, plain({ generated: 'Generated', extensions: 'Extensions', additional: 'Additional', empty: 'Empty' })),
  cs('http://terminology.hl7.org/CodeSystem/v3-NullFlavor', true, plain({ NAVU: 'not available' })),
  cs(
    'http://hl7.org/fhir/issue-type',
    true,
    plain(
      Object.fromEntries(
        [
          'invalid', 'structure', 'required', 'value', 'invariant', 'security', 'login', 'unknown', 'expired', 'forbidden',
          'suppressed', 'processing', 'not-supported', 'duplicate', 'multiple-matches', 'not-found', 'deleted', 'too-long',
          'code-invalid', 'extension', 'too-costly', 'business-rule', 'conflict', 'transient', 'lock-error', 'no-store',
          'exception', 'timeout', 'incomplete', 'throttled', 'informational',
        ].map((code) => [code, code]),
      ),
    ),
  ),
];

/** Codes of the OperationOutcome code system MedCom's issue-detail value set draws from (FHIR R4, operation-outcome). */
const OPERATION_OUTCOME_CODES = [
  'MSG_ID_INVALID', 'MSG_ID_TOO_LONG', 'MSG_BAD_FORMAT', 'MSG_BAD_SYNTAX', 'MSG_DATE_FORMAT', 'MSG_DUPLICATE_ID',
  'MSG_INVALID_ID', 'MSG_JSON_OBJECT', 'MSG_LOCAL_FAIL', 'MSG_NO_MATCH', 'MSG_NO_EXIST', 'MSG_NO_SUMMARY',
  'MSG_PARAM_INVALID', 'MSG_PARAM_NO_REPEAT', 'MSG_PARAM_UNKNOWN', 'MSG_RESOURCE_ID_MISMATCH', 'MSG_RESOURCE_ID_FAIL',
  'MSG_RESOURCE_ID_MISSING', 'MSG_RESOURCE_NOT_ALLOWED', 'MSG_RESOURCE_REQUIRED', 'MSG_RESOURCE_TYPE_MISMATCH',
  'MSG_TRANSACTION_DUPLICATE_ID', 'MSG_TRANSACTION_MISSING_ID', 'MSG_UNKNOWN_TYPE', 'MSG_VERSION_AWARE',
  'MSG_VERSION_AWARE_CONFLICT', 'MSG_VERSION_AWARE_URL', 'MSG_WRONG_NS',
];

/** A value set as the (system, code) pairs it contains. */
export interface ValueSet {
  name: string;
  url: string;
  includes: Array<{ system: string; codes: string[] }>;
}

const all = (system: string): { system: string; codes: string[] } => ({
  system,
  codes: Object.keys(CODE_SYSTEMS.find((c) => c.url === system)?.concepts ?? {}),
});

const MEDCOM_VS = 'http://medcomfhir.dk/ig/terminology/ValueSet/';

export const VALUE_SETS: Record<string, ValueSet> = {
  MedComCareCommunicationCategories: {
    name: 'MedComCareCommunicationCategories',
    url: `${MEDCOM_VS}medcom-careCommunication-categories`,
    includes: [all(`${MEDCOM_CS}medcom-careCommunication-categoryCodes`)],
  },
  MedComCareCommunicationMessageActivities: {
    name: 'MedComCareCommunicationMessageActivities',
    url: `${MEDCOM_VS}medcom-careCommunication-messagingActivities`,
    includes: [{ system: `${MEDCOM_CS}medcom-messaging-activityCodes`, codes: ['new-message', 'reply-message', 'forward-message'] }],
  },
  // The messaging value set also lists HospitalNotification's activities; a CareCommunication or Acknowledgement
  // never uses them, so only the codes in the code system above are listed here.
  MedComMessagingActivityCodes: {
    name: 'MedComMessagingActivityCodes',
    url: `${MEDCOM_VS}medcom-messaging-activityCodes`,
    includes: [all(`${MEDCOM_CS}medcom-messaging-activityCodes`)],
  },
  MedComMessagingMessageTypes: {
    name: 'MedComMessagingMessageTypes',
    url: `${MEDCOM_VS}medcom-messaging-messageTypes`,
    includes: [all(`${MEDCOM_CS}medcom-messaging-eventCodes`)],
  },
  MedComCareCommunicationRequestPriority: {
    name: 'MedComCareCommunicationRequestPriority',
    url: `${MEDCOM_VS}medcom-careCommunication-requestPriority`,
    includes: [{ system: 'http://hl7.org/fhir/request-priority', codes: ['routine', 'asap'] }],
  },
  MedComCoreAttachmentMimeTypes: {
    name: 'MedComCoreAttachmentMimeTypes',
    url: `${MEDCOM_VS}medcom-core-attachmentMimeTypes`,
    includes: [{ system: 'urn:ietf:bcp:13', codes: ['application/pdf', 'image/gif', 'image/jpeg', 'image/png', 'image/tiff', 'image/bmp'] }],
  },
  MedComCorePractitionerRoles: {
    name: 'MedComCorePractitionerRoles',
    url: `${MEDCOM_VS}medcom-core-PractitionerRoles`,
    includes: [
      { system: `${MEDCOM_CS}medcom-core-PractitionerRolesAutorisationsregistret`, codes: ['ambulancebehandler', 'laege', 'osteopat'] },
      {
        system: `${MEDCOM_CS}medcom-core-PractitionerRolesSKSadministrativ`,
        codes: Object.keys(CODE_SYSTEMS.find((c) => c.url === `${MEDCOM_CS}medcom-core-PractitionerRolesSKSadministrativ`)!.concepts),
      },
      { system: 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor', codes: ['NAVU'] },
    ],
  },
  MedComAcknowledgementIssueDetailValues: {
    name: 'MedComAcknowledgementIssueDetailValues',
    url: `${MEDCOM_VS}medcom-acknowledgement-issue-details`,
    includes: [
      { system: 'http://terminology.hl7.org/CodeSystem/operation-outcome', codes: OPERATION_OUTCOME_CODES },
      all(`${MEDCOM_CS}medcom-acknowledgement-error-codes`),
    ],
  },
  ResponseType: { name: 'ResponseType', url: 'http://hl7.org/fhir/ValueSet/response-code', includes: [all('http://hl7.org/fhir/response-code')] },
  IssueSeverity: { name: 'IssueSeverity', url: 'http://hl7.org/fhir/ValueSet/issue-severity', includes: [all('http://hl7.org/fhir/issue-severity')] },
  IssueType: { name: 'IssueType', url: 'http://hl7.org/fhir/ValueSet/issue-type', includes: [all('http://hl7.org/fhir/issue-type')] },
  NarrativeStatus: {
    name: 'NarrativeStatus',
    url: 'http://hl7.org/fhir/ValueSet/narrative-status',
    includes: [all('http://hl7.org/fhir/narrative-status')],
  },
};

export function codeSystem(url: string): CodeSystem | undefined {
  return CODE_SYSTEMS.find((c) => c.url === url);
}

const same = (system: string, a: string, b: string): boolean =>
  codeSystem(system)?.caseSensitive === false ? a.toLowerCase() === b.toLowerCase() : a === b;

export function inValueSet(valueSet: ValueSet, system: string | undefined, code: string): boolean {
  return valueSet.includes.some((include) => include.system === system && include.codes.some((c) => same(include.system, c, code)));
}

export function concept(system: string, code: string): Concept | undefined {
  const found = codeSystem(system);
  if (!found) return undefined;
  const key = Object.keys(found.concepts).find((c) => same(system, c, code));
  return key === undefined ? undefined : found.concepts[key];
}
