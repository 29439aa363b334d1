import { validateBundle } from './engine.ts';
import { MEDCOM_ACKNOWLEDGEMENT_MESSAGE, MEDCOM_ACKNOWLEDGEMENT_MESSAGE_HEADER, MEDCOM_ACKNOWLEDGEMENT_OPERATION_OUTCOME } from './profiles/acknowledgement.ts';
import {
  MEDCOM_CARE_COMMUNICATION,
  MEDCOM_CARE_COMMUNICATION_MESSAGE,
  MEDCOM_CARE_COMMUNICATION_MESSAGE_HEADER,
  MEDCOM_CARE_COMMUNICATION_PROVENANCE,
} from './profiles/carecommunication.ts';
import { FHIR_R4 } from './profiles/fhir-r4.ts';
import { ACKNOWLEDGEMENT_GOVERNANCE, CARE_COMMUNICATION_GOVERNANCE, MESSAGING_GOVERNANCE, NARRATIVE_GOVERNANCE } from './profiles/governance.ts';
import { MEDCOM_CORE_CARE_TEAM, MEDCOM_CORE_ORGANIZATION, MEDCOM_CORE_PATIENT, MEDCOM_CORE_PRACTITIONER, MEDCOM_CORE_PRACTITIONER_ROLE } from './profiles/medcom-core.ts';
import { MEDCOM_MESSAGING_MESSAGE_HEADER, MEDCOM_MESSAGING_ORGANIZATION, MEDCOM_MESSAGING_PROVENANCE } from './profiles/messaging.ts';
import type { Finding, Profile } from './types.ts';

export type { Finding, Severity } from './types.ts';
export { checkResend } from './profiles/governance.ts';

/**
 * The MedCom conformance suite: checks a message Bundle against the rules of CareCommunication 5.0.4 (on Messaging
 * 4.0, MedCom Core 3.0.1, DK Core 3.4.0, Terminology 2.0.1) or Acknowledgement 2.0.3, and against MedCom's
 * governance. Returns every finding; an empty list means no rule the suite knows is broken (README: what it cannot
 * check).
 */

const PROFILES: Profile[] = [
  MEDCOM_CARE_COMMUNICATION_MESSAGE,
  MEDCOM_CARE_COMMUNICATION_MESSAGE_HEADER,
  MEDCOM_CARE_COMMUNICATION,
  MEDCOM_CARE_COMMUNICATION_PROVENANCE,
  MEDCOM_MESSAGING_MESSAGE_HEADER,
  MEDCOM_MESSAGING_ORGANIZATION,
  MEDCOM_MESSAGING_PROVENANCE,
  MEDCOM_CORE_PATIENT,
  MEDCOM_CORE_ORGANIZATION,
  MEDCOM_CORE_PRACTITIONER,
  MEDCOM_CORE_PRACTITIONER_ROLE,
  MEDCOM_CORE_CARE_TEAM,
  MEDCOM_ACKNOWLEDGEMENT_MESSAGE,
  MEDCOM_ACKNOWLEDGEMENT_MESSAGE_HEADER,
  MEDCOM_ACKNOWLEDGEMENT_OPERATION_OUTCOME,
];

const REGISTRY = new Map(PROFILES.map((p) => [p.name, p]));
const BASE = new Map(FHIR_R4.map((p) => [p.type, p]));

export function checkCareCommunication(bundle: unknown): Finding[] {
  return validateBundle(bundle, MEDCOM_CARE_COMMUNICATION_MESSAGE, REGISTRY, BASE, {
    bundle: [MESSAGING_GOVERNANCE, CARE_COMMUNICATION_GOVERNANCE],
    everyEntry: [NARRATIVE_GOVERNANCE],
  });
}

export function checkAcknowledgement(bundle: unknown): Finding[] {
  return validateBundle(bundle, MEDCOM_ACKNOWLEDGEMENT_MESSAGE, REGISTRY, BASE, {
    bundle: [MESSAGING_GOVERNANCE, ACKNOWLEDGEMENT_GOVERNANCE],
    everyEntry: [NARRATIVE_GOVERNANCE],
  });
}

/** One line per finding, in a form a test can list and a person can read. */
export function describe(finding: Finding): string {
  return `${finding.severity} ${finding.profile} ${finding.element} [${finding.rule}] @ ${finding.location}`;
}
