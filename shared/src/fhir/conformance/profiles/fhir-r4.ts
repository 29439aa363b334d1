import { isObject, serviceBase } from '../bundle.ts';
import { SRC } from '../sources.ts';
import type { Profile, Rule } from '../types.ts';
import { profile, ruleSet } from './dsl.ts';

/**
 * FHIR R4's own constraints on the resources a MedCom message carries, where they go beyond the JSON structure
 * (`structure.ts`): required base elements, the Bundle invariants for messages, and the narrative invariants.
 */
const r = ruleSet(SRC.r4);

const domainResource: Rule[] = [
  r.invariant('dom-6', 'DomainResource.text', 'A resource should have narrative for robust management (R4 dom-6).', 'text.`div`.exists()', { severity: 'warning' }),
  r.card('Narrative.status', 'status', 1, 1, { context: 'text' }),
  r.binding('Narrative.status', 'status', 'NarrativeStatus', { context: 'text', system: 'http://hl7.org/fhir/narrative-status' }),
  r.card('Narrative.div', '`div`', 1, 1, { context: 'text' }),
  r.invariant('txt-1', 'Narrative.div', 'The narrative SHALL be an XHTML div containing only the basic HTML formatting elements and attributes (R4 txt-1).', `matches('^<div[^>]* xmlns="http://www.w3.org/1999/xhtml"')`, { context: 'text.`div`' }),
  // fhirpath.js's htmlChecks() refuses xml:lang, which R4 allows beside lang (narrative.html, language), so the
  // attribute is taken out first; checked as a string, the div is its content.
  r.invariant('txt-1', 'Narrative.div', 'The narrative SHALL contain only the basic HTML formatting elements and attributes (R4 txt-1).', `replaceMatches(' xml:lang="[^"]*"', '').htmlChecks()`, { context: 'text.`div`' }),
  r.invariant('txt-2', 'Narrative.div', 'The narrative SHALL have some non-whitespace content (R4 txt-2).', "replaceMatches('<[^>]*>', '').trim().length() > 0", { context: 'text.`div`' }),
];

const DOMAIN_RESOURCE = profile({ name: 'FHIR R4 DomainResource', url: 'http://hl7.org/fhir/StructureDefinition/DomainResource', type: 'DomainResource', rules: domainResource });
const base = (type: string, rules: Rule[]): Profile =>
  profile({ name: `FHIR R4 ${type}`, url: `http://hl7.org/fhir/StructureDefinition/${type}`, type, parent: DOMAIN_RESOURCE, rules });

export const FHIR_R4: Profile[] = [
  profile({
    name: 'FHIR R4 Bundle',
    url: 'http://hl7.org/fhir/StructureDefinition/Bundle',
    type: 'Bundle',
    rules: [
      r.card('Bundle.type', 'type', 1, 1),
      r.invariant('bdl-7', 'Bundle', 'FullUrl must be unique in a bundle, or else entries with the same fullUrl must have different meta.versionId (R4 bdl-7).', "(type = 'history') or entry.where(fullUrl.exists()).select(fullUrl&resource.meta.versionId).isDistinct()"),
      r.invariant('bdl-12', 'Bundle', 'A message must start with a MessageHeader (R4 bdl-12).', "type = 'message' implies entry.first().resource.is(MessageHeader)"),
      r.check('fullUrl matches resource', 'Bundle.entry.fullUrl', 'A RESTful fullUrl ends with the resource type and id of its entry.', (bundle) => {
        const entries = isObject(bundle) && Array.isArray(bundle['entry']) ? bundle['entry'] : [];
        return entries.flatMap((entry) => {
          if (!isObject(entry) || typeof entry['fullUrl'] !== 'string' || !isObject(entry['resource'])) return [];
          const { resourceType, id } = entry['resource'];
          if (serviceBase(entry['fullUrl']) === undefined) return [];
          return entry['fullUrl'].endsWith(`/${String(resourceType)}/${String(id)}`) ? [] : [{ message: 'The fullUrl does not end with the resource type and id.', at: entry }];
        });
      }),
    ],
  }),
  base('MessageHeader', [
    r.card('MessageHeader.event[x]', 'event', 1, 1),
    r.card('MessageHeader.destination.endpoint', 'endpoint', 1, 1, { context: 'destination' }),
    r.card('MessageHeader.source', 'source', 1, 1),
    r.card('MessageHeader.source.endpoint', 'endpoint', 1, 1, { context: 'source' }),
    r.card('MessageHeader.response.identifier', 'identifier', 1, 1, { context: 'response' }),
    r.card('MessageHeader.response.code', 'code', 1, 1, { context: 'response' }),
    r.binding('MessageHeader.response.code', 'code', 'ResponseType', { context: 'response', system: 'http://hl7.org/fhir/response-code' }),
  ]),
  base('Communication', [
    r.card('Communication.status', 'status', 1, 1),
    r.card('Communication.payload.content[x]', 'content', 1, 1, { context: 'payload' }),
  ]),
  base('Provenance', [
    r.card('Provenance.target', 'target', 1, '*'),
    r.card('Provenance.recorded', 'recorded', 1, 1),
    r.card('Provenance.agent', 'agent', 1, '*'),
    r.card('Provenance.agent.who', 'who', 1, 1, { context: 'agent' }),
    r.card('Provenance.entity.role', 'role', 1, 1, { context: 'entity' }),
    r.card('Provenance.entity.what', 'what', 1, 1, { context: 'entity' }),
  ]),
  base('OperationOutcome', [
    r.card('OperationOutcome.issue', 'issue', 1, '*'),
    r.card('OperationOutcome.issue.severity', 'severity', 1, 1, { context: 'issue' }),
    r.binding('OperationOutcome.issue.severity', 'severity', 'IssueSeverity', { context: 'issue', system: 'http://hl7.org/fhir/issue-severity' }),
    r.card('OperationOutcome.issue.code', 'code', 1, 1, { context: 'issue' }),
    r.binding('OperationOutcome.issue.code', 'code', 'IssueType', { context: 'issue', system: 'http://hl7.org/fhir/issue-type' }),
  ]),
  DOMAIN_RESOURCE,
];
