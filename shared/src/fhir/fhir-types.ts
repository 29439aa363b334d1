/**
 * The slice of FHIR R4 JSON that a CareCommunication or Acknowledgement message Bundle uses, as built by `build.ts`
 * and `acknowledgement.ts`. Parse never trusts
 * these types for input (it reads `unknown` and narrows); they describe what we send.
 */

export interface FhirReference {
  reference: string;
}

export interface FhirCoding {
  system: string;
  code: string;
  display?: string;
}

export interface FhirCodeableConcept {
  coding?: FhirCoding[];
  text?: string;
}

export interface FhirIdentifier {
  use?: 'official' | 'temp';
  system?: string;
  value: string;
  assigner?: FhirReference;
}

export interface FhirContactPoint {
  system: string;
  value: string;
}

export interface FhirHumanName {
  use?: 'official';
  family?: string;
  given?: string[];
}

export interface FhirExtension {
  url: string;
  valueCoding?: FhirCoding;
  valueDateTime?: string;
  valueIdentifier?: FhirIdentifier;
  valueReference?: FhirReference;
  valueContactPoint?: FhirContactPoint;
}

export interface FhirNarrative {
  status: 'generated' | 'extensions';
  div: string;
}

interface FhirResourceBase {
  id: string;
  meta: { profile: string[] };
  text: FhirNarrative;
}

export interface FhirMessageHeader extends FhirResourceBase {
  resourceType: 'MessageHeader';
  eventCoding: FhirCoding;
  destination: Array<{ extension: FhirExtension[]; endpoint: string; receiver: FhirReference }>;
  sender: FhirReference;
  source: { endpoint: string };
  focus?: FhirReference[];
  definition?: string;
  response?: { identifier: string; code: 'ok' | 'transient-error' | 'fatal-error'; details?: FhirReference };
}

export interface FhirOperationOutcome extends FhirResourceBase {
  resourceType: 'OperationOutcome';
  issue: Array<{ severity: 'fatal' | 'error' | 'warning' | 'information'; code: string; details?: FhirCodeableConcept }>;
}

export interface FhirPatient extends FhirResourceBase {
  resourceType: 'Patient';
  identifier: FhirIdentifier[];
  name?: FhirHumanName[];
}

export interface FhirOrganization extends FhirResourceBase {
  resourceType: 'Organization';
  identifier: FhirIdentifier[];
  name?: string;
}

export interface FhirPractitioner extends FhirResourceBase {
  resourceType: 'Practitioner';
  name: FhirHumanName[];
}

export interface FhirPractitionerRole extends FhirResourceBase {
  resourceType: 'PractitionerRole';
  practitioner: FhirReference;
  organization?: FhirReference;
  code?: FhirCodeableConcept[];
}

export interface FhirCareTeam extends FhirResourceBase {
  resourceType: 'CareTeam';
  name: string;
  managingOrganization: FhirReference[];
}

export interface FhirCommunicationPayload {
  extension: FhirExtension[];
  contentString: string;
}

export interface FhirCommunication extends FhirResourceBase {
  resourceType: 'Communication';
  extension?: FhirExtension[];
  identifier: FhirIdentifier[];
  status: 'unknown';
  category: FhirCodeableConcept[];
  priority?: 'routine' | 'asap';
  subject: FhirReference;
  topic?: { text: string };
  recipient?: FhirReference[];
  payload: FhirCommunicationPayload[];
}

export interface FhirProvenanceEntity {
  role: 'source' | 'revision';
  what: { reference: string } | { identifier: { value: string } };
}

export interface FhirProvenance extends FhirResourceBase {
  resourceType: 'Provenance';
  target: FhirReference[];
  occurredDateTime: string;
  recorded: string;
  activity: FhirCodeableConcept;
  agent: Array<{ who: FhirReference }>;
  entity: FhirProvenanceEntity[];
}

export type FhirBundleResource =
  | FhirMessageHeader
  | FhirPatient
  | FhirCommunication
  | FhirOrganization
  | FhirPractitioner
  | FhirPractitionerRole
  | FhirCareTeam
  | FhirProvenance
  | FhirOperationOutcome;

export interface FhirBundleEntry {
  fullUrl: string;
  resource: FhirBundleResource;
}

export interface FhirBundle {
  resourceType: 'Bundle';
  id: string;
  meta: { profile: string[] };
  type: 'message';
  timestamp: string;
  entry: FhirBundleEntry[];
}
