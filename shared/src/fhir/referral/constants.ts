/**
 * Systems and codes of the referral messages. MedCom has no final FHIR referral standard: what follows MedCom's draft
 * logical model `medcomdk/dk-medcom-ref-lm` 0.1.0 (event codes, resource choice) says so; everything else is this
 * project's own and lives under LOCAL, a reserved never-resolving host (RFC 2606), so it cannot be mistaken for a
 * national code. docs/referral-fhir.md lists what would change for the national referral hub.
 */
export { SYSTEM as MEDCOM_SYSTEM } from '../constants.ts';

export const LOCAL = 'https://pathway-graph.invalid/fhir';

export const REFERRAL_SYSTEM = {
  /** From the draft model: EHMI message event codes (new-referral, cancel-referral, update-referral, acknowledge). */
  ehmiEvents: 'http://medcomehmi.dk/ig/dk-medcom-ref-lm/CodeSystem/ehmi-message-event-cs',
  cpr: 'urn:oid:1.2.208.176.1.2',
  sor: 'urn:oid:1.2.208.176.1.1',
  gln: 'https://www.gs1.org/gln',
  /** DK Core's municipality codes (4 digits, e.g. 0751). */
  municipalityCode: 'http://hl7.dk/fhir/core/CodeSystem/dk-core-municipality-codes',
  ydernummer: `${LOCAL}/NamingSystem/ydernummer`,
  referralId: `${LOCAL}/NamingSystem/referral-id`,
  screeningResultId: `${LOCAL}/NamingSystem/screening-result-id`,
  eventCodes: `${LOCAL}/CodeSystem/referral-message-events`,
  pathwayStep: `${LOCAL}/CodeSystem/pathway-step`,
  referralStatus: `${LOCAL}/CodeSystem/referral-status`,
  interventionKind: `${LOCAL}/CodeSystem/intervention-kind`,
  interventionEffect: `${LOCAL}/CodeSystem/intervention-effect`,
  consentGivenBy: `${LOCAL}/CodeSystem/consent-given-by`,
  communicationCategory: `${LOCAL}/CodeSystem/referral-communication-category`,
  visitationDecision: `${LOCAL}/CodeSystem/visitation-decision`,
  outcomeConclusion: `${LOCAL}/CodeSystem/outcome-conclusion`,
  taskOutput: `${LOCAL}/CodeSystem/referral-task-output`,
  participationMode: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationMode',
  consentScope: 'http://terminology.hl7.org/CodeSystem/consentscope',
  consentCategory: 'http://terminology.hl7.org/CodeSystem/consentcategorycodes',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
} as const;

export const REFERRAL_EXTENSION = {
  interventionStep: `${LOCAL}/StructureDefinition/intervention-step`,
} as const;

/** The draft model's event for a new referral; the status/outcome message has no event there yet, so it is local. */
export const NEW_REFERRAL_EVENT = 'new-referral';
export const REFERRAL_STATUS_EVENT = 'referral-status';
